import { STUDY_REPORT_MAX_MINUTES } from '../../../../shared/contract/lessons';

const MINUTE_MS = 60_000;

/**
 * What of a visit's active time has gone to the core as `study.recordTime`: minutes accepted, and
 * minutes on their way. Only whole minutes not yet sent are due, so nothing is counted twice; minutes
 * of a failed report are due again on the next tick.
 */
export interface StudyLedger {
  /** Whole minutes to send now (0 when none), taken out of what is due until confirmed or released. */
  take(activeMs: number): number;
  confirm(minutes: number): void;
  release(minutes: number): void;
  /** Minutes the core has accepted. */
  readonly reported: number;
}

export function createStudyLedger(maxMinutes = STUDY_REPORT_MAX_MINUTES): StudyLedger {
  let reported = 0;
  let sending = 0;
  return {
    take(activeMs) {
      const due = Math.floor(Math.max(0, activeMs) / MINUTE_MS) - reported - sending;
      const minutes = Math.max(0, Math.min(maxMinutes, due));
      sending += minutes;
      return minutes;
    },
    confirm(minutes) {
      sending -= minutes;
      reported += minutes;
    },
    release(minutes) {
      sending -= minutes;
    },
    get reported() {
      return reported;
    },
  };
}
