import { ATTEMPTS_BEFORE_EXPLANATION } from '../../shared/contract/lessons';
import { checkAnswer } from '../../shared/exercise-check';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { searchCatalogue } from '../catalogue/search';
import { findExercise, getLesson } from './lesson-detail';

export const lessonsHandlers = ({ db, session }: CoreDeps): HandlerGroup<'lessons.get' | 'exercises.check' | 'catalogue.search'> => ({
  'lessons.get': async ({ lessonId }) => getLesson(db, session.requireUserId(), lessonId),
  /**
   * Checked in the core, so answers never reach the page. A wrong answer earns the next rung of the
   * hint ladder; the explanation (which gives the answer away) comes after a right answer or enough tries.
   */
  'exercises.check': async ({ lessonId, exerciseId, answer, attempt }) => {
    const exercise = await findExercise(db, lessonId, exerciseId);
    const correct = checkAnswer(exercise, answer);
    const explain = correct || attempt >= ATTEMPTS_BEFORE_EXPLANATION;
    const hint = correct ? null : (exercise.hints[Math.min(attempt, exercise.hints.length) - 1] ?? null);
    return { correct, explanation: explain ? exercise.explanation : null, hint };
  },
  'catalogue.search': async ({ query }) => searchCatalogue(db, query),
});
