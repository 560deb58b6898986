import { describe, expect, it } from 'vitest';
import { localDate } from './download';
import { initials } from './initials';

describe('localDate', () => {
  it('writes the calendar day of the computer’s time zone as YYYY-MM-DD', () => {
    expect(localDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localDate(new Date(2025, 11, 31, 0, 1))).toBe('2025-12-31');
  });
});

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Анна Сергеевна Петрова')).toBe('АС');
    expect(initials('  boris  ')).toBe('B');
    expect(initials('')).toBe('');
  });
});
