import { describe, expect, it } from 'vitest';
import { mayOpen, navItemsFor } from './nav-items';

describe('navigation by role', () => {
  const sections = (role: 'student' | 'teacher' | 'admin') => navItemsFor(role).map((item) => item.section);

  it('shows «Ученики» to teachers and admins and «Управление» to admins only', () => {
    expect(sections('student')).not.toContain('teacher');
    expect(sections('student')).not.toContain('admin');
    expect(sections('student')).toContain('profile');
    expect(sections('teacher')).toContain('teacher');
    expect(sections('teacher')).not.toContain('admin');
    expect(sections('admin')).toEqual(expect.arrayContaining(['teacher', 'admin', 'profile', 'settings']));
  });

  it('keeps a student out of the pages behind those items', () => {
    expect(mayOpen('admin', 'student')).toBe(false);
    expect(mayOpen('admin', 'teacher')).toBe(false);
    expect(mayOpen('teacher', 'teacher')).toBe(true);
    expect(mayOpen('courses', 'student')).toBe(true);
  });
});
