import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDay, isValidTimeZone, localDay, systemTimeZone } from './local-day';

const at = (iso: string) => new Date(iso);

describe('localDay', () => {
  it('turns over at local midnight in Moscow (UTC+3)', () => {
    expect(localDay(at('2026-01-01T20:59:59.999Z'), 'Europe/Moscow')).toBe('2026-01-01');
    expect(localDay(at('2026-01-01T21:00:00Z'), 'Europe/Moscow')).toBe('2026-01-02');
    expect(localDay(at('2026-12-31T21:00:00Z'), 'Europe/Moscow')).toBe('2027-01-01');
  });

  it('turns over at local midnight in Novosibirsk (UTC+7)', () => {
    expect(localDay(at('2026-06-15T16:59:59Z'), 'Asia/Novosibirsk')).toBe('2026-06-15');
    expect(localDay(at('2026-06-15T17:00:00Z'), 'Asia/Novosibirsk')).toBe('2026-06-16');
  });

  it('follows New York through the spring-forward day (2026-03-08 has 23 hours)', () => {
    const ny = 'America/New_York';
    expect(localDay(at('2026-03-08T04:59:59Z'), ny)).toBe('2026-03-07'); // 23:59:59 EST
    expect(localDay(at('2026-03-08T05:00:00Z'), ny)).toBe('2026-03-08'); // 00:00 EST
    expect(localDay(at('2026-03-08T06:59:59Z'), ny)).toBe('2026-03-08'); // 01:59:59 EST
    expect(localDay(at('2026-03-08T07:00:00Z'), ny)).toBe('2026-03-08'); // 03:00 EDT
    expect(localDay(at('2026-03-09T03:59:59Z'), ny)).toBe('2026-03-08'); // 23:59:59 EDT
    expect(localDay(at('2026-03-09T04:00:00Z'), ny)).toBe('2026-03-09'); // 00:00 EDT
  });

  it('follows New York through the fall-back day (2026-11-01 has 25 hours)', () => {
    const ny = 'America/New_York';
    expect(localDay(at('2026-11-01T03:59:59Z'), ny)).toBe('2026-10-31'); // 23:59:59 EDT
    expect(localDay(at('2026-11-01T04:00:00Z'), ny)).toBe('2026-11-01'); // 00:00 EDT
    expect(localDay(at('2026-11-01T05:30:00Z'), ny)).toBe('2026-11-01'); // 01:30 EDT
    expect(localDay(at('2026-11-01T06:30:00Z'), ny)).toBe('2026-11-01'); // 01:30 EST, again
    expect(localDay(at('2026-11-02T04:59:59Z'), ny)).toBe('2026-11-01'); // 23:59:59 EST
    expect(localDay(at('2026-11-02T05:00:00Z'), ny)).toBe('2026-11-02'); // 00:00 EST
  });

  it('follows Berlin through both switches', () => {
    const berlin = 'Europe/Berlin';
    expect(localDay(at('2026-03-28T22:59:59Z'), berlin)).toBe('2026-03-28'); // 23:59:59 CET
    expect(localDay(at('2026-03-28T23:00:00Z'), berlin)).toBe('2026-03-29'); // 00:00 CET
    expect(localDay(at('2026-03-29T21:59:59Z'), berlin)).toBe('2026-03-29'); // 23:59:59 CEST
    expect(localDay(at('2026-03-29T22:00:00Z'), berlin)).toBe('2026-03-30'); // 00:00 CEST
    expect(localDay(at('2026-10-24T21:59:59Z'), berlin)).toBe('2026-10-24'); // 23:59:59 CEST
    expect(localDay(at('2026-10-24T22:00:00Z'), berlin)).toBe('2026-10-25'); // 00:00 CEST
    expect(localDay(at('2026-10-25T22:59:59Z'), berlin)).toBe('2026-10-25'); // 23:59:59 CET
    expect(localDay(at('2026-10-25T23:00:00Z'), berlin)).toBe('2026-10-26'); // 00:00 CET
  });

  it('gives every hour of a DST week a day exactly one after the previous midnight’s', () => {
    // Walk New York’s spring-forward week hour by hour: the local date only ever moves by one.
    let previous = localDay(at('2026-03-05T12:00:00Z'), 'America/New_York');
    for (let t = Date.parse('2026-03-05T12:00:00Z'); t < Date.parse('2026-03-12T12:00:00Z'); t += 3_600_000) {
      const day = localDay(new Date(t), 'America/New_York');
      expect([0, 1]).toContain(daysBetween(previous, day));
      previous = day;
    }
    expect(previous).toBe('2026-03-12');
  });

  it('throws on an unknown zone', () => {
    expect(() => localDay(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('knows real IANA names and refuses others', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Novosibirsk', 'America/New_York', 'Europe/Berlin', 'UTC']) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
    for (const zone of ['', 'Mars/Olympus_Mons', 'not a zone']) expect(isValidTimeZone(zone)).toBe(false);
  });

  it('reports the system zone as a valid one', () => {
    expect(isValidTimeZone(systemTimeZone())).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('is unaffected by DST switch days', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-20', '2026-11-05')).toBe(16);
  });

  it('counts days between, signed', () => {
    expect(daysBetween('2026-05-10', '2026-05-10')).toBe(0);
    expect(daysBetween('2026-05-10', '2026-05-11')).toBe(1);
    expect(daysBetween('2026-05-11', '2026-05-10')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('refuses strings that are not calendar dates', () => {
    expect(isLocalDay('2026-02-29')).toBe(false);
    expect(isLocalDay('2028-02-29')).toBe(true);
    expect(isLocalDay('2026-1-5')).toBe(false);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => daysBetween('yesterday', '2026-01-01')).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });
});
