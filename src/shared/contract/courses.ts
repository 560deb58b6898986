import { z } from 'zod';
import { MASTERY_LEVELS } from '../mastery';
import { DIFFICULTY_LEVELS, ENROLMENT_STATUSES, EXAM_TYPES, LESSON_STATUSES, SUBJECTS } from '../domain';
import { mutation, query } from './define';
import { noInput, uuidSchema } from './common';

export const enrolmentSchema = z.object({
  courseId: uuidSchema,
  status: z.enum(ENROLMENT_STATUSES),
  completedLessons: z.number().int().min(0),
  totalLessons: z.number().int().min(0),
  progressPercentage: z.number().min(0).max(100),
  currentLessonNumber: z.number().int().min(1),
  totalStudyTimeMinutes: z.number().int().min(0),
});

export const courseSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  description: z.string(),
  subject: z.enum(SUBJECTS),
  grade: z.number().int().nullable(),
  examType: z.enum(EXAM_TYPES).nullable(),
  difficulty: z.enum(DIFFICULTY_LEVELS),
  totalLessons: z.number().int().min(0),
  estimatedHours: z.number().int().nullable(),
  /** Out of the catalogue: only its enrolled students still see it (with their progress). */
  retired: z.boolean(),
  enrolment: enrolmentSchema.nullable(),
});

export const lessonSummarySchema = z.object({
  id: uuidSchema,
  number: z.number().int().min(1),
  title: z.string(),
  topic: z.string(),
  description: z.string(),
  status: z.enum(LESSON_STATUSES),
  score: z.number().int().min(0).max(100).nullable(),
  /** No longer part of the course: listed only for a student who studied it. */
  retired: z.boolean(),
  /** How well the student knows it (README «Learning»: first-try accuracy and how reviews held up). */
  mastery: z.enum(MASTERY_LEVELS),
});

export const courseDetailSchema = courseSummarySchema.extend({
  lessons: z.array(lessonSummarySchema),
});

export const coursesContract = {
  'courses.list': query(noInput, z.array(courseSummarySchema)),
  'courses.get': query(z.object({ courseId: uuidSchema }).strict(), courseDetailSchema),
  'courses.enrol': mutation(z.object({ courseId: uuidSchema }).strict(), enrolmentSchema),
  /** Pause, resume (active) or drop an enrolment; a completed course stays completed. */
  'courses.setStatus': mutation(
    z.object({ courseId: uuidSchema, status: z.enum(['active', 'paused', 'dropped']) }).strict(),
    enrolmentSchema,
  ),
};

export type CourseSummary = z.infer<typeof courseSummarySchema>;
export type CourseDetail = z.infer<typeof courseDetailSchema>;
export type LessonSummary = z.infer<typeof lessonSummarySchema>;
export type Enrolment = z.infer<typeof enrolmentSchema>;
