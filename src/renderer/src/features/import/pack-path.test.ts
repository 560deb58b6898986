import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error';
import { placeOf } from './pack-path';
import { refusalOf } from './pack-refusal';

describe('where a problem of a pack is', () => {
  it('counts lessons and exercises from one, names the parts, and leaves the format’s field names out', () => {
    expect(placeOf('lessons.2.exercises.0.answer')).toEqual([
      { key: 'import.where.lesson', n: 3 },
      { key: 'import.where.exercise', n: 1 },
    ]);
    expect(placeOf('lessons.0.homework.prompt')).toEqual([{ key: 'import.where.lesson', n: 1 }, { key: 'import.where.homework' }]);
    expect(placeOf('course.subject')).toEqual([{ key: 'import.where.course' }]);
    expect(placeOf('')).toEqual([{ key: 'import.where.file' }]);
    expect(placeOf('version')).toEqual([{ key: 'import.where.file' }]);
  });
});

describe('why a pack was refused', () => {
  const refused = (code: ConstructorParameters<typeof ApiError>[0], issues: { path: string; message: string }[]) => refusalOf(new ApiError(code, 'English for the log', issues));

  it('tells the kinds of bad file apart', () => {
    expect(refused('invalid_input', [{ path: '', message: 'pack_not_json' }])).toEqual({ kind: 'notJson' });
    expect(refused('invalid_input', [{ path: '', message: 'pack_not_a_pack' }])).toEqual({ kind: 'notAPack' });
    expect(refused('invalid_input', [{ path: 'text', message: 'pack_too_large' }])).toEqual({ kind: 'tooLarge' });
    const many = Array.from({ length: 20 }, (_, i) => ({ path: `lessons.${i}.title`, message: 'pack_invalid' }));
    expect(refused('invalid_input', many)).toEqual({ kind: 'invalid', count: 20, more: true, firstPath: 'lessons.0.title' });
    expect(refused('invalid_input', many.slice(0, 3))).toMatchObject({ count: 3, more: false });
  });

  it('and the rules of who may import what from a file that is fine', () => {
    expect(refused('forbidden', [{ path: 'pack', message: 'not_yours' }])).toEqual({ kind: 'blocked', block: 'not_yours' });
    expect(refused('conflict', [{ path: 'pack', message: 'server_course' }])).toEqual({ kind: 'blocked', block: 'server_course' });
    expect(refused('conflict', [{ path: 'pack', message: 'older_version' }])).toEqual({ kind: 'blocked', block: 'older_version' });
    expect(refused('conflict', [{ path: 'checksum', message: 'pack_changed_since_preview' }])).toEqual({ kind: 'changed' });
    expect(refused('unavailable', [])).toMatchObject({ kind: 'other' });
  });
});
