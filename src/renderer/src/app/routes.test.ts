import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, sectionOf } from './routes';

describe('routes', () => {
  it('parses every screen', () => {
    expect(parseHash('')).toBeNull();
    expect(parseHash('#/')).toBeNull();
    expect(parseHash('#/courses')).toEqual({ name: 'courses' });
    expect(parseHash('#/courses/')).toEqual({ name: 'courses' });
    expect(parseHash('#/courses/abc-1')).toEqual({ name: 'course', courseId: 'abc-1' });
    expect(parseHash('#/lessons/l-1')).toEqual({ name: 'lesson', lessonId: 'l-1' });
    expect(parseHash('#/lessons/l-1/practice')).toEqual({ name: 'practice', lessonId: 'l-1' });
    expect(parseHash('#/lessons/l-1/other')).toEqual({ name: 'notFound' });
    expect(parseHash('#/lessons')).toEqual({ name: 'notFound' });
    expect(parseHash('#/lessons/a/b')).toEqual({ name: 'notFound' });
    expect(parseHash('#/chat')).toEqual({ name: 'chat' });
    expect(parseHash('#/chat/s-1')).toEqual({ name: 'chatSession', sessionId: 's-1' });
    expect(parseHash('#/chat/s-1/x')).toEqual({ name: 'notFound' });
    expect(parseHash('#/settings')).toEqual({ name: 'settings' });
    expect(parseHash('#/profile')).toEqual({ name: 'profile' });
    expect(parseHash('#/teacher')).toEqual({ name: 'teacher' });
    expect(parseHash('#/admin')).toEqual({ name: 'admin' });
    expect(parseHash('#/nowhere')).toEqual({ name: 'notFound' });
    expect(parseHash('#/courses/a/b')).toEqual({ name: 'notFound' });
    expect(parseHash('#/courses/%E0%A4%A')).toEqual({ name: 'notFound' });
  });

  it('round-trips through hrefFor', () => {
    for (const route of [{ name: 'courses' }, { name: 'course', courseId: 'x y/z' }, { name: 'lesson', lessonId: 'a/b c' }, { name: 'practice', lessonId: 'a/b c' }, { name: 'achievements' }] as const) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
  });

  it('puts course and lesson pages under the Courses section', () => {
    expect(sectionOf({ name: 'course', courseId: 'x' })).toBe('courses');
    expect(sectionOf({ name: 'lesson', lessonId: 'x' })).toBe('courses');
    expect(sectionOf({ name: 'practice', lessonId: 'x' })).toBe('courses');
    expect(sectionOf({ name: 'notFound' })).toBeNull();
    expect(sectionOf({ name: 'chatSession', sessionId: 'x' })).toBe('chat');
  });
});
