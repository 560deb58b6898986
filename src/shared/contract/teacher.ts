import { z } from 'zod';
import { ENROLMENT_STATUSES } from '../domain';
import { query } from './define';
import { noInput, uuidSchema } from './common';
import { accountSummarySchema } from './accounts';

export const studentProgressSchema = z.object({
  student: accountSummarySchema,
  totalLessonsCompleted: z.number().int().min(0),
  courses: z.array(
    z.object({
      courseId: uuidSchema,
      title: z.string(),
      status: z.enum(ENROLMENT_STATUSES),
      completedLessons: z.number().int().min(0),
      totalLessons: z.number().int().min(0),
      progressPercentage: z.number().min(0).max(100),
    }),
  ),
});

export const teacherContract = {
  /** Read-only: the progress of the students on this computer. */
  'teacher.studentsProgress': query(noInput, z.array(studentProgressSchema), 'teacher'),
};

export type StudentProgress = z.infer<typeof studentProgressSchema>;
