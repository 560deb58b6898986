import type { ExerciseView } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { PracticeQuestion } from './PracticeQuestion';
import { PracticeSummary } from './PracticeSummary';
import { summarize } from './practice-session';
import { usePracticeSession } from './use-practice-session';

interface PracticeSessionProps {
  lessonId: string;
  courseId: string;
  exercises: readonly ExerciseView[];
  activeMs: () => number;
}

/** One question at a time with the way through them shown, and the summary at the end. */
export function PracticeSession({ lessonId, courseId, exercises, activeMs }: PracticeSessionProps) {
  const t = useT();
  const session = usePracticeSession(lessonId, exercises, activeMs);
  const { state, current, record } = session;
  if (!current || !record) {
    return (
      <PracticeSummary
        summary={summarize(
          exercises.map((exercise) => exercise.id),
          state,
        )}
        elapsedMs={session.elapsedMs ?? 0}
        points={session.points}
        lessonId={lessonId}
        courseId={courseId}
        onRestart={session.restart}
      />
    );
  }
  const position = t('practice.progress', { number: state.index + 1, count: exercises.length });
  return (
    <div className="practice-session">
      <div className="practice-session__progress">
        <p className="practice-session__position" data-testid="practice-position">
          {position}
        </p>
        <ProgressBar value={(100 * state.index) / exercises.length} label={`${t('practice.progressLabel')}: ${position}`} />
      </div>
      <PracticeQuestion
        key={`${state.index}-${current.id}`}
        exercise={current}
        number={state.index + 1}
        record={record}
        feedback={session.feedback}
        pending={session.pending}
        error={session.error}
        last={state.index + 1 === exercises.length}
        onCheck={(answer) => void session.check(answer)}
        onNext={session.next}
      />
    </div>
  );
}
