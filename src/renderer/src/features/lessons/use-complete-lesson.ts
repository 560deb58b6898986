import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { completeLessonInput } from '../../../../shared/contract/progress';
import { api } from '../../lib/api';
import { toMinutes } from '../../lib/active-time';
import { useAction } from '../../lib/use-action';
import { lessonScore } from './exercise-answer';

export type CompletedLesson = MethodOutput<'progress.completeLesson'>;

const MAX_MINUTES = completeLessonInput.shape.timeSpentMinutes.maxValue ?? 24 * 60;

interface CompletionInput {
  lessonId: string;
  solved: number;
  total: number;
  /** The lesson's study time recorded before this visit. */
  earlierMinutes: number;
  /** Reads the active time of this visit, in ms. */
  activeMs: () => number;
}

/**
 * «Завершить урок»: the score is the share of exercises solved; the time is the lesson's
 * running total — what was recorded before plus this visit's active minutes (the core keeps the larger).
 */
export function useCompleteLesson({ lessonId, solved, total, earlierMinutes, activeMs }: CompletionInput) {
  const [completed, setCompleted] = useState<CompletedLesson | null>(null);
  const action = useAction(async () => {
    const timeSpentMinutes = Math.min(MAX_MINUTES, earlierMinutes + toMinutes(activeMs()));
    setCompleted(await api.call('progress.completeLesson', { lessonId, score: lessonScore(solved, total), timeSpentMinutes }));
  });
  return { completed, complete: action.run, pending: action.pending, error: action.error };
}
