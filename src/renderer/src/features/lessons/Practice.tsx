import type { ExerciseView } from '../../../../shared/contract';
import { ATTEMPTS_BEFORE_EXPLANATION } from '../../../../shared/contract/lessons';
import { useT } from '../../i18n';
import { ExerciseCard } from './ExerciseCard';

interface PracticeProps {
  lessonId: string;
  exercises: readonly ExerciseView[];
  solved: ReadonlySet<string>;
  onSolved: (exerciseId: string) => void;
}

/** The lesson's exercises, one card each, and how many are solved. */
export function Practice({ lessonId, exercises, solved, onSolved }: PracticeProps) {
  const t = useT();
  return (
    <section className="practice" aria-labelledby="lesson-practice">
      <h2 id="lesson-practice" className="section-title">
        {t('lesson.practice')}
      </h2>
      {exercises.length === 0 ? (
        <p className="muted">{t('lesson.noExercises')}</p>
      ) : (
        <>
          <p className="page__intro">{t('lesson.practiceIntro', { count: ATTEMPTS_BEFORE_EXPLANATION })}</p>
          <ol className="exercise-list">
            {exercises.map((exercise, index) => (
              <li key={exercise.id}>
                <ExerciseCard lessonId={lessonId} exercise={exercise} number={index + 1} onSolved={onSolved} />
              </li>
            ))}
          </ol>
          <p className="practice__solved" data-testid="exercises-solved">
            {t('lesson.solved', { done: solved.size, count: exercises.length })}
          </p>
        </>
      )}
    </section>
  );
}
