import { z } from 'zod';
import { CHAT_ROLES, CHAT_SESSION_TYPES } from '../../shared/domain';
import { fullNameSchema } from '../../shared/accounts';
import { ATTACHMENT_MIME_TYPES } from '../../shared/homework';
import { preferencesChangeSchema } from '../../shared/contract/preferences';
import { exerciseAnswerSchema, homeworkFeedbackSchema, STUDY_REPORT_MAX_MINUTES } from '../../shared/contract/lessons';
import type { MutationContext } from '../mutations/mutation-context';
import { appendChatMessage, startChatSession, endChatSession, markMessagePlayed } from '../chat/chat-service';
import { enrolInCourse, setEnrolmentStatus } from '../courses/enrol';
import { saveHomeworkFeedback } from '../ai/homework-feedback';
import { submitHomework } from '../lessons/homework';
import { answerExercise, recordStudyTime, startLesson } from '../lessons/lesson-activity';
import { markAchievementsSeen } from '../motivation/refresh-motivation';
import { generateLearningPlan } from '../plans/plans-service';
import { updatePreferences } from '../preferences/preferences-service';
import { renameStudent } from '../profile/rename-student';
import { completeLesson } from '../progress/complete-lesson';
import { recordSignInActivity } from '../accounts/accounts-service';
import { answerReview } from '../review/answer-review';
import { cardKeySchema, reviewRatingSchema } from '../../shared/contract/review';

/**
 * Every synced mutation (docs/sync.md), declared once here: its arguments, then its record below.
 * Everything a student changes, with every id and timestamp fixed by the device, so the server can
 * replay it and reach the same rows. Each is named after the contract method that makes it
 * (`progress.completeLesson`); `activity.signIn` is the one a command (signing in) makes as a side
 * effect. Names used before these are in `mutations/mutation-names.ts`.
 */
const uuid = z.uuid();
const at = z.iso.datetime({ offset: true });
/**
 * The device's IANA time zone when it happened: the activity's local day (streaks, the heatmap) is fixed
 * by the device, so a replay on the server, or a later trip across zones, counts the same day.
 */
const timeZone = z.string().min(1).max(64).optional();

export const mutationArgs = {
  /** `today` is part of the mutation, so a replay on the server makes the very same plan. */
  'plans.generate': z
    .object({
      courseId: uuid,
      targetDate: z.iso.date(),
      studyDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      minutesPerDay: z.number().int().min(10).max(480),
      today: z.iso.date(),
      at,
      timeZone,
    })
    .strict(),
  /** The attachment itself stays a file on the device; the mutation carries its stored name. */
  'homework.submit': z
    .object({
      lessonId: uuid,
      text: z.string().min(1).max(20_000),
      attachment: z
        .object({
          name: z.string().min(1).max(200),
          // The app's own file name: a replayed mutation can never point outside the attachments folder.
          storedAs: z.string().regex(/^[0-9a-f-]{36}\.(pdf|png|jpg|txt)$/),
          mimeType: z.enum(ATTACHMENT_MIME_TYPES),
          size: z.number().int().min(0),
        })
        .nullable(),
      at,
      timeZone,
    })
    .strict(),
  'preferences.update': z.object({ changes: preferencesChangeSchema, at }).strict(),
  'profile.update': z.object({ fullName: fullNameSchema, at }).strict(),
  'courses.enrol': z.object({ courseId: uuid, at, timeZone }).strict(),
  'courses.setStatus': z.object({ courseId: uuid, status: z.enum(['active', 'paused', 'dropped']), at }).strict(),
  'progress.completeLesson': z
    .object({
      lessonId: uuid,
      score: z.number().int().min(0).max(100),
      timeSpentMinutes: z.number().int().min(0).max(24 * 60),
      at,
      timeZone,
    })
    .strict(),
  'chat.startSession': z
    .object({
      sessionId: uuid,
      sessionType: z.enum(CHAT_SESSION_TYPES),
      courseId: uuid.nullable(),
      lessonId: uuid.nullable(),
      contextData: z.record(z.string(), z.unknown()),
      at,
    })
    .strict(),
  'chat.sendMessage': z
    .object({
      messageId: uuid,
      sessionId: uuid,
      role: z.enum(CHAT_ROLES),
      content: z.string().min(1).max(100_000),
      at,
      timeZone,
    })
    .strict(),
  'lessons.start': z.object({ lessonId: uuid, at, timeZone }).strict(),
  'study.recordTime': z
    .object({ entryId: uuid, lessonId: uuid, minutes: z.number().int().min(1).max(STUDY_REPORT_MAX_MINUTES), at, timeZone })
    .strict(),
  /** The answer itself travels, so the server checks it again rather than trusting a verdict. */
  'exercises.check': z
    .object({ answerId: uuid, lessonId: uuid, exerciseId: z.string().min(1).max(100), answer: exerciseAnswerSchema, at, timeZone })
    .strict(),
  'homework.requestFeedback': z.object({ lessonId: uuid, feedback: homeworkFeedbackSchema, at }).strict(),
  'chat.endSession': z.object({ sessionId: uuid, at }).strict(),
  'chat.markPlayed': z.object({ messageId: uuid, at }).strict(),
  'achievements.markSeen': z.object({ achievementIds: z.array(uuid).min(1).max(100), at }).strict(),
  /** A sign-in is a fact of the student's activity (the heatmap, «days in a row» of visits): it syncs too. */
  'activity.signIn': z.object({ activityId: uuid, at, timeZone }).strict(),
  /**
   * One answer in «Повторение». The card is found again from the student's own facts; an exercise's
   * answer travels and is checked again, its rating is never taken from the device.
   */
  'review.answer': z
    .object({ reviewId: uuid, cardKey: cardKeySchema, rating: reviewRatingSchema.optional(), answer: exerciseAnswerSchema.optional(), at, timeZone })
    .strict(),
};

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;

/**
 * One synced mutation: its name (its contract method's; its argument schema is the one above under
 * that name), the one service function that applies it — on the device when the student
 * acts, on the server when it is pushed, on the device again when a pull is rebased under it — and
 * what the open pages hear once it committed, besides the rewards every change announces.
 */
export interface MutationRecord<N extends MutationName, R> {
  readonly name: N;
  apply(ctx: MutationContext, args: MutationArgs<N>): Promise<R>;
  announces?(announce: MutationContext['announce'], result: R, args: MutationArgs<N>): void;
}

const mutation = <N extends MutationName, R>(
  name: N,
  apply: MutationRecord<N, R>['apply'],
  announces?: MutationRecord<N, R>['announces'],
): MutationRecord<N, R> => ({ name, apply, ...(announces ? { announces } : {}) });

const progressChanged = (announce: MutationContext['announce'], courseId: string) => announce('progress.changed', { courseId });

const RECORDS = [
  mutation('plans.generate', generateLearningPlan),
  mutation('homework.submit', submitHomework, (announce, { courseId }) => progressChanged(announce, courseId)),
  mutation('preferences.update', updatePreferences),
  mutation('profile.update', renameStudent),
  mutation('courses.enrol', enrolInCourse, (announce, _, { courseId }) => progressChanged(announce, courseId)),
  mutation('courses.setStatus', setEnrolmentStatus, (announce, _, { courseId }) => progressChanged(announce, courseId)),
  mutation('progress.completeLesson', completeLesson, (announce, { courseId }) => progressChanged(announce, courseId)),
  mutation('chat.startSession', startChatSession),
  // The teacher's reply is stored through this record too; the page hears of it as `chat.replyFinished`.
  mutation('chat.sendMessage', appendChatMessage, (announce, message, args) => {
    if (args.role === 'user') announce('chat.message', { sessionId: args.sessionId, messageId: message.id });
  }),
  // The lesson now shows as started wherever its course is on screen.
  mutation('lessons.start', startLesson, (announce, { started, courseId }) => {
    if (started) progressChanged(announce, courseId);
  }),
  mutation('study.recordTime', recordStudyTime),
  mutation('exercises.check', answerExercise),
  mutation('homework.requestFeedback', saveHomeworkFeedback),
  mutation('chat.endSession', endChatSession),
  mutation('chat.markPlayed', markMessagePlayed),
  mutation('achievements.markSeen', ({ tx, userId }, args) => markAchievementsSeen(tx, userId, args.achievementIds)),
  mutation('activity.signIn', recordSignInActivity),
  // The lesson's mastery moves on the course page.
  mutation('review.answer', answerReview, (announce, { courseId }) => progressChanged(announce, courseId)),
] as const;

type AnyRecord = (typeof RECORDS)[number];
export type RecordOf<N extends MutationName> = Extract<AnyRecord, { name: N }>;
export type MutationResult<N extends MutationName> = Awaited<ReturnType<RecordOf<N>['apply']>>;

// Every mutation has its record: the build fails here until a new one is added above.
const everyMutationHasARecord: [Exclude<MutationName, AnyRecord['name']>] extends [never] ? true : never = true;
void everyMutationHasARecord;

/** Every synced mutation by name: the registry the device, the server and the rebase apply from. */
export const MUTATIONS = Object.fromEntries(RECORDS.map((r) => [r.name, r])) as unknown as { [N in MutationName]: RecordOf<N> };
