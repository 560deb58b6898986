import { describe, expect, it } from 'vitest';
import { STUDY_REPORT_MAX_MINUTES } from '../../../../shared/contract/lessons';
import { createStudyLedger } from './study-report';

const MINUTE = 60_000;

describe('study time reports', () => {
  it('sends each whole minute once', () => {
    const ledger = createStudyLedger();
    expect(ledger.take(59_999)).toBe(0);
    const first = ledger.take(MINUTE + 5_000);
    expect(first).toBe(1);
    ledger.confirm(first);
    expect(ledger.take(MINUTE + 50_000)).toBe(0);
    const next = ledger.take(3 * MINUTE);
    expect(next).toBe(2);
    ledger.confirm(next);
    expect(ledger.reported).toBe(3);
  });

  it('does not send minutes already on their way again', () => {
    const ledger = createStudyLedger();
    expect(ledger.take(2 * MINUTE)).toBe(2);
    expect(ledger.take(2.5 * MINUTE)).toBe(0);
    expect(ledger.take(3 * MINUTE)).toBe(1);
  });

  it('sends the minutes of a failed report again', () => {
    const ledger = createStudyLedger();
    const minutes = ledger.take(2 * MINUTE);
    ledger.release(minutes);
    expect(ledger.reported).toBe(0);
    expect(ledger.take(2 * MINUTE)).toBe(2);
  });

  it('keeps each report within what the core accepts', () => {
    const ledger = createStudyLedger();
    const first = ledger.take(40 * MINUTE);
    expect(first).toBe(STUDY_REPORT_MAX_MINUTES);
    ledger.confirm(first);
    expect(ledger.take(40 * MINUTE)).toBe(Math.min(STUDY_REPORT_MAX_MINUTES, 40 - STUDY_REPORT_MAX_MINUTES));
  });
});
