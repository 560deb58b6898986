import { describe, expect, it } from 'vitest';
import { createActiveTime, toMinutes } from './active-time';

const MINUTE = 60_000;

describe('active study time', () => {
  it('counts time while the student keeps doing something', () => {
    const time = createActiveTime(0, true);
    time.interact(1 * MINUTE);
    time.interact(2 * MINUTE);
    expect(time.activeMs(3 * MINUTE)).toBe(3 * MINUTE);
  });

  it('stops counting two minutes after the last interaction, and starts again with the next', () => {
    const time = createActiveTime(0, true);
    expect(time.activeMs(10 * MINUTE)).toBe(2 * MINUTE);
    time.interact(20 * MINUTE);
    expect(time.activeMs(21 * MINUTE)).toBe(3 * MINUTE);
  });

  it('does not count time while the page is hidden', () => {
    const time = createActiveTime(0, true);
    time.interact(1 * MINUTE);
    time.setVisible(false, 1.5 * MINUTE);
    time.interact(2 * MINUTE);
    expect(time.activeMs(10 * MINUTE)).toBe(1.5 * MINUTE);
    time.setVisible(true, 30 * MINUTE);
    expect(time.activeMs(31 * MINUTE)).toBe(2.5 * MINUTE);
  });

  it('starts hidden when the page opens in the background', () => {
    const time = createActiveTime(0, false);
    expect(time.activeMs(5 * MINUTE)).toBe(0);
  });

  it('never goes backwards when the clock does', () => {
    const time = createActiveTime(10 * MINUTE, true);
    time.interact(9 * MINUTE);
    expect(time.activeMs(11 * MINUTE)).toBe(1 * MINUTE);
  });

  it('rounds to whole minutes', () => {
    expect([0, 29_000, 30_000, 89_000, 25 * MINUTE].map(toMinutes)).toEqual([0, 0, 1, 1, 25]);
  });
});
