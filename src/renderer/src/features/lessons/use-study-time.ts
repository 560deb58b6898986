import { useEffect, useRef } from 'react';
import { api } from '../../lib/api';
import { useStudySignal } from '../motivation/study-signal';
import { createStudyLedger } from './study-report';

/** How often the page looks whether another whole minute of active time has passed. */
const TICK_MS = 10_000;

/**
 * The lesson's visit in the student's record: `lessons.start` once when it opens, then each whole
 * minute of active time as `study.recordTime`, and what is left when the page closes. A failed call
 * never disturbs the lesson: its minutes go with the next tick.
 */
export function useStudyTime(lessonId: string, activeMs: () => number): void {
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (started.current === lessonId) return;
    started.current = lessonId;
    api.call('lessons.start', { lessonId }).catch(() => undefined);
  }, [lessonId]);

  useEffect(() => {
    const ledger = createStudyLedger();
    const report = () => {
      const minutes = ledger.take(activeMs());
      if (minutes < 1) return;
      api.call('study.recordTime', { lessonId, minutes }).then(
        () => {
          ledger.confirm(minutes);
          useStudySignal.getState().bump();
        },
        () => ledger.release(minutes),
      );
    };
    const timer = setInterval(report, TICK_MS);
    const hidden = () => {
      if (document.visibilityState === 'hidden') report();
    };
    window.addEventListener('pagehide', report);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', report);
      document.removeEventListener('visibilitychange', hidden);
      report();
    };
  }, [lessonId, activeMs]);
}
