import { ATTEMPTS_BEFORE_EXPLANATION } from '../../shared/contract/lessons';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { searchCatalogue } from '../catalogue/search';
import { reviewHomework, saveHomeworkFeedback } from '../ai/homework-feedback';
import { localDay } from '../motivation/local-day';
import { motivationSummary } from '../motivation/summary';
import { getLesson } from './lesson-detail';
import { answerExercise, recordStudyTime, startLesson } from './lesson-activity';
import { submittedAttachment, submitHomework } from './homework';
import { runMutation } from '../mutations/run-mutation';
import { ProviderError } from '../ai/provider';
import { AppError } from '../errors/app-error';

type LessonMethods =
  | 'lessons.get'
  | 'lessons.start'
  | 'study.recordTime'
  | 'exercises.check'
  | 'homework.submit'
  | 'homework.requestFeedback'
  | 'catalogue.search';

/** A homework review may wait on a slow model, but not for ever. */
const REVIEW_TIMEOUT_MS = 5 * 60_000;

export const lessonsHandlers = (deps: CoreDeps): HandlerGroup<LessonMethods> => {
  const { db, session, events, attachments, now, timeZone } = deps;
  return {
    'lessons.get': async ({ lessonId }) => getLesson(db, session.requireUserId(), lessonId),
    'lessons.start': async ({ lessonId }) => {
      const userId = session.requireUserId();
      const { started, courseId } = await runMutation(db, userId, 'lesson.start', startLesson, { lessonId, at: now().toISOString(), timeZone: timeZone() }, events);
      // The lesson now shows as started wherever its course is on screen.
      if (started) events.emit('progress.changed', { courseId });
      return { started };
    },
    'study.recordTime': async ({ lessonId, minutes }) => {
      const userId = session.requireUserId();
      const args = { entryId: crypto.randomUUID(), lessonId, minutes, at: now().toISOString(), timeZone: timeZone() };
      await runMutation(db, userId, 'study.time', recordStudyTime, args, events);
      const summary = await motivationSummary(db, userId, localDay(now(), timeZone()));
      return { todayMinutes: summary.todayMinutes, dailyGoalMinutes: summary.dailyGoalMinutes, goalReached: summary.todayMinutes >= summary.dailyGoalMinutes };
    },
    'homework.submit': async ({ lessonId, text, attachment }) => {
      const userId = session.requireUserId();
      const previous = await submittedAttachment(db, userId, lessonId);
      const stored = attachment ? attachments.save(userId, attachment.mimeType, attachment.dataBase64) : null;
      try {
        await runMutation(
          db,
          userId,
          'homework.submit',
          submitHomework,
          {
            lessonId,
            text,
            attachment: stored && attachment ? { name: attachment.name, mimeType: attachment.mimeType, ...stored } : null,
            at: now().toISOString(),
            timeZone: timeZone(),
          },
          events,
        );
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
    'homework.requestFeedback': async ({ lessonId }) => {
      const userId = session.requireUserId();
      const feedback = await reviewHomework(deps, userId, lessonId, AbortSignal.timeout(REVIEW_TIMEOUT_MS)).catch((error: unknown) => {
        if (error instanceof ProviderError) throw new AppError('unavailable', `The homework review did not finish: ${error.code}`);
        throw error;
      });
      await runMutation(db, userId, 'homework.feedback', saveHomeworkFeedback, { lessonId, feedback, at: now().toISOString() });
      return getLesson(db, userId, lessonId);
    },
    /**
     * Checked in the core, so answers never reach the page, and logged right or wrong. A wrong answer
     * earns the next rung of the hint ladder; the explanation (which gives the answer away) comes after a
     * right answer or enough tries.
     */
    'exercises.check': async ({ lessonId, exerciseId, answer, attempt }) => {
      const userId = session.requireUserId();
      const { correct, notice, exercise } = await runMutation(
        db,
        userId,
        'exercise.answer',
        answerExercise,
        { answerId: crypto.randomUUID(), lessonId, exerciseId, answer, at: now().toISOString(), timeZone: timeZone() },
        events,
      );
      const explain = correct || attempt >= ATTEMPTS_BEFORE_EXPLANATION;
      const hint = correct ? null : (exercise.hints[Math.min(attempt, exercise.hints.length) - 1] ?? null);
      return { correct, explanation: explain ? exercise.explanation : null, hint, notice };
    },
    'catalogue.search': async ({ query }) => searchCatalogue(db, session.requireUserId(), query),
  };
};
