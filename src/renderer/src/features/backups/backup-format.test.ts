import { describe, expect, it } from 'vitest';
import { formatBackupDate, megabytes } from './backup-format';

describe('how a backup is shown', () => {
  it('gives its size in megabytes with one decimal, never zero', () => {
    expect(megabytes(5_870_000)).toBe(5.6);
    expect(megabytes(1024 * 1024)).toBe(1);
    expect(megabytes(12)).toBe(0.1);
  });

  it('gives its date in the interface language', () => {
    // The computer's time zone decides the hour; the day and month words are the language's.
    expect(formatBackupDate('2026-11-25T12:40:00.000Z', 'ru-RU')).toMatch(/^25 ноября 2026 г\., \d{2}:\d{2}$|^25 ноября 2026 г\. в \d{2}:\d{2}$/);
    expect(formatBackupDate('2026-11-25T12:40:00.000Z', 'en-GB')).toMatch(/^25 November 2026( at|,) \d{2}:\d{2}$/);
  });
});
