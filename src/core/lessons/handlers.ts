import { ATTEMPTS_BEFORE_EXPLANATION } from '../../shared/contract/lessons';
import { checkAnswer } from '../../shared/exercise-check';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { searchCatalogue } from '../catalogue/search';
import { findExercise, getLesson } from './lesson-detail';
import { submittedAttachment, submitHomework } from './homework';
import { runMutation } from '../mutations/run-mutation';

type LessonMethods = 'lessons.get' | 'exercises.check' | 'homework.submit' | 'catalogue.search';

export const lessonsHandlers = ({ db, session, events, attachments, now }: CoreDeps): HandlerGroup<LessonMethods> => ({
  'lessons.get': async ({ lessonId }) => getLesson(db, session.requireUserId(), lessonId),
  'homework.submit': async ({ lessonId, text, attachment }) => {
    const userId = session.requireUserId();
    const previous = await submittedAttachment(db, userId, lessonId);
    const stored = attachment ? attachments.save(userId, attachment.mimeType, attachment.dataBase64) : null;
    try {
      await runMutation(db, userId, 'homework.submit', submitHomework, {
        lessonId,
        text,
        attachment: stored && attachment ? { name: attachment.name, mimeType: attachment.mimeType, ...stored } : null,
        at: now().toISOString(),
      });
    } catch (error) {
      // The answer was not kept, so neither is its file.
      attachments.remove(userId, stored?.storedAs);
      throw error;
    }
    if (previous !== stored?.storedAs) attachments.remove(userId, previous);
    const lesson = await getLesson(db, userId, lessonId);
    events.emit('progress.changed', { courseId: lesson.courseId });
    return lesson;
  },
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
