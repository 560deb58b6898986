import { useCallback, useReducer, useRef, useState } from 'react';
import type { ExerciseView } from '../../../../shared/contract';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCoreEvent } from '../../lib/use-core-event';
import type { ExerciseAnswer } from '../lessons/exercise-answer';
import type { ExerciseFeedback } from '../lessons/use-exercise-check';
import { START, practiceReducer, recordOf } from './practice-session';

const NO_FEEDBACK: ExerciseFeedback = { state: 'idle', hints: [], explanation: null, notice: null };

/**
 * A practice session over a lesson's exercises: each answer checked by the core (`exercises.check`,
 * which records it and climbs the hint ladder by the try number), what it said about the question on
 * screen, the points the core announced meanwhile, and the active time the session took.
 */
export function usePracticeSession(lessonId: string, exercises: readonly ExerciseView[], activeMs: () => number) {
  const [state, dispatch] = useReducer(practiceReducer, START);
  const [feedback, setFeedback] = useState<ExerciseFeedback>(NO_FEEDBACK);
  // Points are the core's to give: the session shows the sum of what it announced while it ran.
  const [points, setPoints] = useState(0);
  useCoreEvent('motivation.changed', (payload) => setPoints((sum) => sum + payload.pointsAwarded));
  const startedAt = useRef(activeMs());
  const [elapsedMs, setElapsedMs] = useState<number | null>(null);

  const current = exercises[state.index] ?? null;
  const check = useAction(async (answer: ExerciseAnswer) => {
    if (!current) return;
    const attempt = recordOf(state, current.id).tries + 1;
    const result = await api.call('exercises.check', { lessonId, exerciseId: current.id, answer, attempt });
    dispatch({ type: 'checked', exerciseId: current.id, correct: result.correct, solutionShown: result.explanation !== null });
    setFeedback((previous) => ({
      state: result.correct ? 'correct' : 'wrong',
      hints: result.hint && !previous.hints.includes(result.hint) ? [...previous.hints, result.hint] : previous.hints,
      explanation: result.explanation ?? previous.explanation,
      notice: result.notice,
    }));
  });

  const next = useCallback(() => {
    setFeedback(NO_FEEDBACK);
    dispatch({ type: 'next' });
    if (state.index + 1 >= exercises.length) setElapsedMs(activeMs() - startedAt.current);
  }, [state.index, exercises.length, activeMs]);

  const restart = useCallback(() => {
    setFeedback(NO_FEEDBACK);
    setPoints(0);
    setElapsedMs(null);
    startedAt.current = activeMs();
    dispatch({ type: 'restart' });
  }, [activeMs]);

  return {
    state,
    current,
    record: current ? recordOf(state, current.id) : null,
    feedback,
    points,
    /** Active time from the start to the last «Дальше»; null while the session runs. */
    elapsedMs,
    check: check.run,
    pending: check.pending,
    error: check.error,
    next,
    restart,
  };
}
