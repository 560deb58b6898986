import { useState } from 'react';
import type { AnswerNotice } from '../../../../shared/answer-notice';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import type { ExerciseAnswer } from './exercise-answer';

export type ExerciseState = 'idle' | 'wrong' | 'correct';

export interface ExerciseFeedback {
  state: ExerciseState;
  /** The steps of the hint ladder received so far, in order. */
  hints: readonly string[];
  /** After a right answer, or after enough wrong ones. */
  explanation: string | null;
  /** How the last answer should have been written, when that is why it was not taken. */
  notice: AnswerNotice | null;
}

const NO_FEEDBACK: ExerciseFeedback = { state: 'idle', hints: [], explanation: null, notice: null };

/**
 * «Проверить» for one exercise: counts the tries of this visit (the core climbs the hint ladder by
 * them) and keeps what the core said. A try the core never answered is not counted.
 */
export function useExerciseCheck(lessonId: string, exerciseId: string, onSolved: (exerciseId: string) => void) {
  const [attempts, setAttempts] = useState(0);
  const [feedback, setFeedback] = useState<ExerciseFeedback>(NO_FEEDBACK);
  const action = useAction(async (answer: ExerciseAnswer) => {
    const attempt = attempts + 1;
    const result = await api.call('exercises.check', { lessonId, exerciseId, answer, attempt });
    setAttempts(attempt);
    setFeedback((previous) => ({
      state: result.correct ? 'correct' : 'wrong',
      hints: result.hint && !previous.hints.includes(result.hint) ? [...previous.hints, result.hint] : previous.hints,
      explanation: result.explanation ?? previous.explanation,
      notice: result.notice,
    }));
    if (result.correct) onSolved(exerciseId);
  });
  return { ...feedback, attempts, check: action.run, pending: action.pending, error: action.error };
}
