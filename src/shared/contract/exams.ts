import { z } from 'zod';
import { EXAM_TYPES, SUBJECTS } from '../domain';
import { query } from './define';
import { noInput, uuidSchema } from './common';

export const MASTERY_LEVELS = ['not_started', 'weak', 'good', 'mastered'] as const;

export const examTaskSchema = z.object({
  /** The task's number in the exam paper (ЕГЭ/ОГЭ «Задание N»). */
  taskNumber: z.number().int().min(1),
  mastery: z.enum(MASTERY_LEVELS),
  bestScore: z.number().int().min(0).max(100).nullable(),
  lessons: z.array(z.object({ lessonId: uuidSchema, title: z.string(), courseId: uuidSchema })),
});

export const examPreparationSchema = z.object({
  examType: z.enum(EXAM_TYPES),
  subject: z.enum(SUBJECTS),
  topicsCompleted: z.number().int().min(0),
  totalTopics: z.number().int().min(0),
  progressPercentage: z.number().min(0).max(100),
  lastStudiedAt: z.string().nullable(),
  tasks: z.array(examTaskSchema),
  /** What to study next: the lowest task number not yet mastered. */
  next: z.object({ lessonId: uuidSchema, title: z.string(), taskNumber: z.number().int() }).nullable(),
});

export const examsContract = {
  /** Every exam and subject of the catalogue, with this student's mastery per task number. */
  'exams.overview': query(noInput, z.array(examPreparationSchema)),
};

export type ExamPreparation = z.infer<typeof examPreparationSchema>;
export type ExamTask = z.infer<typeof examTaskSchema>;
