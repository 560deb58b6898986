import { describe, expect, it } from 'vitest';
import { toastsWouldCover } from './covers';

const window = { width: 1280, height: 800 };
const toasts = { width: 400, height: 120 };

describe('toastsWouldCover', () => {
  it('is true for a field at the bottom right, under the toasts’ corner', () => {
    // The chat's question box: wide, at the bottom.
    expect(toastsWouldCover({ top: 700, bottom: 770, left: 600, right: 1250 }, toasts, window)).toBe(true);
  });

  it('is false for a field above the corner or left of it', () => {
    expect(toastsWouldCover({ top: 100, bottom: 140, left: 900, right: 1200 }, toasts, window)).toBe(false);
    expect(toastsWouldCover({ top: 700, bottom: 770, left: 100, right: 800 }, toasts, window)).toBe(false);
  });

  it('is false when there is nothing to cover with', () => {
    expect(toastsWouldCover({ top: 700, bottom: 770, left: 600, right: 1250 }, { width: 0, height: 0 }, window)).toBe(false);
  });
});
