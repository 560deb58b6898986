import { ATTEMPTS_BEFORE_EXPLANATION } from '../../shared/contract/lessons';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { searchCatalogue } from '../catalogue/search';
import { reviewHomework } from '../ai/homework-feedback';
import { localDay } from '../motivation/local-day';
import { motivationSummary } from '../motivation/summary';
import { getLesson } from './lesson-detail';
import { submittedAttachment } from './homework';
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
  const { db, session, mutations, attachments, now, timeZone } = deps;
  return {
    'lessons.get': async ({ lessonId }) => getLesson(db, session.requireUserId(), lessonId),
    'lessons.start': async ({ lessonId }) => {
      const userId = session.requireUserId();
      const { started } = await mutations.run(userId, 'lessons.start', { lessonId, at: now().toISOString(), timeZone: timeZone() });
      return { started };
    },
    'study.recordTime': async ({ lessonId, minutes }) => {
      const userId = session.requireUserId();
      const args = { entryId: crypto.randomUUID(), lessonId, minutes, at: now().toISOString(), timeZone: timeZone() };
      await mutations.run(userId, 'study.recordTime', args);
      const summary = await motivationSummary(db, userId, localDay(now(), timeZone()));
      return { todayMinutes: summary.todayMinutes, dailyGoalMinutes: summary.dailyGoalMinutes, goalReached: summary.todayMinutes >= summary.dailyGoalMinutes };
    },
    'homework.submit': async ({ lessonId, text, attachment }) => {
      const userId = session.requireUserId();
      const previous = await submittedAttachment(db, userId, lessonId);
      const stored = attachment ? attachments.save(userId, attachment.mimeType, attachment.dataBase64) : null;
      try {
        await mutations.run(userId, 'homework.submit', {
          lessonId,
          text,
          attachment: stored && attachment ? { name: attachment.name, mimeType: attachment.mimeType, ...stored } : null,
          at: now().toISOString(),
          timeZone: timeZone(),
        });
      } catch (error) {
        // The answer was not kept, so neither is its file.
        attachments.remove(userId, stored?.storedAs);
        throw error;
      }
      if (previous !== stored?.storedAs) attachments.remove(userId, previous);
      return getLesson(db, userId, lessonId);
    },
    'homework.requestFeedback': async ({ lessonId }) => {
      const userId = session.requireUserId();
      const feedback = await reviewHomework(deps, userId, lessonId, AbortSignal.timeout(REVIEW_TIMEOUT_MS)).catch((error: unknown) => {
        if (error instanceof ProviderError) throw new AppError('unavailable', `The homework review did not finish: ${error.code}`);
        throw error;
      });
      await mutations.run(userId, 'homework.requestFeedback', { lessonId, feedback, at: now().toISOString() });
      return getLesson(db, userId, lessonId);
    },
    /**
     * Checked in the core, so answers never reach the page, and logged right or wrong. A wrong answer
     * earns the next rung of the hint ladder; the explanation (which gives the answer away) comes after a
     * right answer or enough tries.
     */
    'exercises.check': async ({ lessonId, exerciseId, answer, attempt }) => {
      const userId = session.requireUserId();
      const { correct, notice, exercise } = await mutations.run(userId, 'exercises.check', {
        answerId: crypto.randomUUID(),
        lessonId,
        exerciseId,
        answer,
        at: now().toISOString(),
        timeZone: timeZone(),
      });
      const explain = correct || attempt >= ATTEMPTS_BEFORE_EXPLANATION;
      const hint = correct ? null : (exercise.hints[Math.min(attempt, exercise.hints.length) - 1] ?? null);
      return { correct, explanation: explain ? exercise.explanation : null, hint, notice };
    },
    'catalogue.search': async ({ query }) => searchCatalogue(db, session.requireUserId(), query),
  };
};
