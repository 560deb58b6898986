import { describe, expect, it } from 'vitest';
import { mayOpen, navItemsFor } from '../../app/nav-items';
import { hrefFor, parseHash, sectionOf } from '../../app/routes';

describe('the exams and import screens', () => {
  it('have routes of their own', () => {
    expect(parseHash('#/exams')).toEqual({ name: 'exams' });
    expect(parseHash('#/import')).toEqual({ name: 'import' });
    expect(hrefFor({ name: 'exams' })).toBe('#/exams');
    expect(hrefFor({ name: 'import' })).toBe('#/import');
    expect(sectionOf({ name: 'exams' })).toBe('exams');
  });

  it('show «Экзамены» to everyone and the pack import to teachers and admins only', () => {
    for (const role of ['student', 'teacher', 'admin'] as const) {
      expect(navItemsFor(role).map((item) => item.section)).toContain('exams');
    }
    expect(mayOpen('import', 'student')).toBe(false);
    expect(mayOpen('import', 'teacher')).toBe(true);
    expect(mayOpen('import', 'admin')).toBe(true);
  });
});
