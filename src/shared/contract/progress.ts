import { z } from 'zod';
import { LESSON_STATUSES } from '../domain';
import { mutation } from './define';
import { uuidSchema } from './common';
import { enrolmentSchema } from './courses';

export const lessonProgressSchema = z.object({
  lessonId: uuidSchema,
  status: z.enum(LESSON_STATUSES),
  score: z.number().int().min(0).max(100).nullable(),
  timeSpentMinutes: z.number().int().min(0),
});

export const completeLessonInput = z
  .object({
    lessonId: uuidSchema,
    score: z.number().int().min(0).max(100),
    /** The lesson's total active study time so far, as measured by the lesson screen. */
    timeSpentMinutes: z.number().int().min(0).max(24 * 60),
  })
  .strict();

export const progressContract = {
  'progress.completeLesson': mutation(
    completeLessonInput,
    z.object({ lesson: lessonProgressSchema, enrolment: enrolmentSchema }),
  ),
};

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
