import { useEffect, useRef } from 'react';
import { api } from '../../lib/api';
import { useStudySignal } from '../motivation/study-signal';
import { createStudyLedger } from '../lessons/study-report';

const TICK_MS = 10_000;

/**
 * Reviewing is study: each whole minute of active time on the review screen goes to the core as
 * `study.recordTime` of the lesson whose card is on screen, so it fills the day's goal and the streak.
 */
export function useReviewTime(lessonId: string | null, activeMs: () => number): void {
  const lesson = useRef(lessonId);
  useEffect(() => {
    if (lessonId) lesson.current = lessonId;
  }, [lessonId]);
  useEffect(() => {
    const ledger = createStudyLedger();
    const report = () => {
      const target = lesson.current;
      if (!target) return;
      const minutes = ledger.take(activeMs());
      if (minutes < 1) return;
      api.call('study.recordTime', { lessonId: target, minutes }).then(
        () => {
          ledger.confirm(minutes);
          useStudySignal.getState().bump();
        },
        () => ledger.release(minutes),
      );
    };
    const timer = setInterval(report, TICK_MS);
    window.addEventListener('pagehide', report);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', report);
      report();
    };
  }, [activeMs]);
}
