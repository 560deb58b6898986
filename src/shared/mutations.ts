import { z } from 'zod';
import { CHAT_ROLES, CHAT_SESSION_TYPES } from './domain';
import { fullNameSchema } from './accounts';
import { ATTACHMENT_MIME_TYPES } from './homework';
import { preferencesChangeSchema } from './contract/preferences';
import { exerciseAnswerSchema, homeworkFeedbackSchema, STUDY_REPORT_MAX_MINUTES } from './contract/lessons';

/**
 * The named mutations of docs/sync.md: everything a student changes, with every id and timestamp
 * fixed by the device, so the server can replay it and reach the same rows.
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
  'plan.generate': z
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
  'course.enrol': z.object({ courseId: uuid, at, timeZone }).strict(),
  'course.setStatus': z.object({ courseId: uuid, status: z.enum(['active', 'paused', 'dropped']), at }).strict(),
  'lesson.complete': z
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
  'chat.appendMessage': z
    .object({
      messageId: uuid,
      sessionId: uuid,
      role: z.enum(CHAT_ROLES),
      content: z.string().min(1).max(100_000),
      at,
      timeZone,
    })
    .strict(),
  'lesson.start': z.object({ lessonId: uuid, at, timeZone }).strict(),
  'study.time': z
    .object({ entryId: uuid, lessonId: uuid, minutes: z.number().int().min(1).max(STUDY_REPORT_MAX_MINUTES), at, timeZone })
    .strict(),
  /** The answer itself travels, so the server checks it again rather than trusting a verdict. */
  'exercise.answer': z
    .object({ answerId: uuid, lessonId: uuid, exerciseId: z.string().min(1).max(100), answer: exerciseAnswerSchema, at, timeZone })
    .strict(),
  'homework.feedback': z.object({ lessonId: uuid, feedback: homeworkFeedbackSchema, at }).strict(),
  'chat.endSession': z.object({ sessionId: uuid, at }).strict(),
  'chat.markPlayed': z.object({ messageId: uuid, at }).strict(),
  'achievements.markSeen': z.object({ achievementIds: z.array(uuid).min(1).max(100), at }).strict(),
  /** A sign-in is a fact of the student's activity (the heatmap, «days in a row» of visits): it syncs too. */
  'activity.signIn': z.object({ activityId: uuid, at, timeZone }).strict(),
};

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
