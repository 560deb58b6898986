import { z } from 'zod';
import { AI_PROVIDERS, EXAM_TYPES, LESSON_STATUSES } from '../domain';
import { answerNoticeSchema } from '../answer-notice';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES, HOMEWORK_TEXT_MAX } from '../homework';
import { mutation, query } from './define';
import { isoDateTime, uuidSchema } from './common';

const EXERCISE_TYPES = ['single_choice', 'multiple_choice', 'numeric', 'fraction', 'short_text', 'expression', 'ege_short'] as const;

/** An exercise as the student sees it: never its answer or explanation before they try. */
/** The teacher's review of a submitted homework, kept in `user_lessons.homework_feedback`. */
export const homeworkFeedbackSchema = z.object({
  text: z.string(),
  provider: z.enum(AI_PROVIDERS),
  model: z.string().nullable(),
  at: isoDateTime,
});

export const exerciseViewSchema = z.object({
  id: z.string(),
  type: z.enum(EXERCISE_TYPES),
  prompt: z.string(),
  options: z.array(z.string()).nullable(),
  unit: z.string().nullable(),
  hintCount: z.number().int().min(0),
  /** The exam whose answer-sheet rules the field follows (the course's exam), so its hint names the right one. */
  exam: z.enum(EXAM_TYPES).nullable(),
});

export const lessonDetailSchema = z.object({
  id: uuidSchema,
  courseId: uuidSchema,
  courseTitle: z.string(),
  number: z.number().int().min(1),
  title: z.string(),
  topic: z.string(),
  description: z.string(),
  /** Markdown with KaTeX formulas; the renderer shows it without running any HTML. */
  content: z.string(),
  objectives: z.array(z.string()),
  keyConcepts: z.array(z.object({ term: z.string(), definition: z.string() })),
  exercises: z.array(exerciseViewSchema),
  homework: z
    .object({
      prompt: z.string(),
      criteria: z.array(z.string()),
      submission: z
        .object({
          text: z.string(),
          submittedAt: z.string(),
          attachment: z.object({ name: z.string(), mimeType: z.enum(ATTACHMENT_MIME_TYPES), size: z.number().int() }).nullable(),
        })
        .nullable(),
      /** Shown for self-checking once the student has submitted their own answer. */
      modelAnswer: z.string().nullable(),
      feedback: homeworkFeedbackSchema.nullable(),
    })
    .nullable(),
  progress: z.object({
    status: z.enum(LESSON_STATUSES),
    score: z.number().int().min(0).max(100).nullable(),
    timeSpentMinutes: z.number().int().min(0),
  }),
  previousLessonId: uuidSchema.nullable(),
  nextLessonId: uuidSchema.nullable(),
});

export const exerciseAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single_choice'), choice: z.number().int().min(0).max(20) }).strict(),
  z.object({ type: z.literal('multiple_choice'), choices: z.array(z.number().int().min(0).max(20)).max(20) }).strict(),
  z.object({ type: z.enum(['numeric', 'fraction', 'short_text', 'expression', 'ege_short']), text: z.string().max(200) }).strict(),
]);

/** After this many wrong attempts the explanation (and so the answer) is shown. */
export const ATTEMPTS_BEFORE_EXPLANATION = 3;

/** The lesson page reports study time at least this often, so a crash loses little. */
export const STUDY_REPORT_MAX_MINUTES = 15;

export const exerciseCheckSchema = z.object({
  correct: z.boolean(),
  /** Why the answer is what it is: after a right answer, or after enough tries. */
  explanation: z.string().nullable(),
  /** The next step of the hint ladder after a wrong answer. */
  hint: z.string().nullable(),
  /** How the answer should be written, when that is why it was not taken («на ОГЭ — десятичной дробью»). */
  notice: answerNoticeSchema.nullable(),
});

export const searchResultSchema = z.object({
  courses: z.array(z.object({ id: uuidSchema, title: z.string(), description: z.string() })),
  lessons: z.array(
    z.object({
      id: uuidSchema,
      courseId: uuidSchema,
      courseTitle: z.string(),
      number: z.number().int(),
      title: z.string(),
      topic: z.string(),
    }),
  ),
});

const base64 = z
  .string()
  .max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4, { message: 'attachment_too_large' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'not_base64' });

export const homeworkSubmissionInput = z
  .object({
    lessonId: uuidSchema,
    text: z.string().trim().min(1, { message: 'homework_empty' }).max(HOMEWORK_TEXT_MAX),
    attachment: z
      .object({
        name: z.string().trim().min(1).max(200),
        mimeType: z.enum(ATTACHMENT_MIME_TYPES),
        dataBase64: base64,
      })
      .strict()
      .optional(),
  })
  .strict();

export const lessonsContract = {
  'lessons.get': query(z.object({ lessonId: uuidSchema }).strict(), lessonDetailSchema),
  /** Opening a lesson: marks it started (once) in the student's record. */
  'lessons.start': mutation(z.object({ lessonId: uuidSchema }).strict(), z.object({ started: z.boolean() })),
  /** Minutes of real study (the page counts only visible, recently used time), reported as they pass. */
  'study.recordTime': mutation(
    z.object({ lessonId: uuidSchema, minutes: z.number().int().min(1).max(STUDY_REPORT_MAX_MINUTES) }).strict(),
    z.object({ todayMinutes: z.number().int().min(0), dailyGoalMinutes: z.number().int().min(1), goalReached: z.boolean() }),
  ),
  /** Checked in the core and recorded (right or wrong) in the student's activity. */
  'exercises.check': mutation(
    z
      .object({
        lessonId: uuidSchema,
        exerciseId: z.string().min(1).max(100),
        answer: exerciseAnswerSchema,
        /** 1 for the first try of this exercise in this sitting. */
        attempt: z.number().int().min(1).max(100),
      })
      .strict(),
    exerciseCheckSchema,
  ),
  /** Submit (or resubmit) the homework of a lesson; returns the lesson with the model answer now shown. */
  'homework.submit': mutation(homeworkSubmissionInput, lessonDetailSchema),
  /** Ask the AI teacher to review the submitted homework; waits for the whole review. */
  'homework.requestFeedback': mutation(z.object({ lessonId: uuidSchema }).strict(), lessonDetailSchema),
  /** Courses and lessons by words in any grammatical form (PostgreSQL `russian` full-text search). */
  'catalogue.search': query(z.object({ query: z.string().trim().min(1).max(200) }).strict(), searchResultSchema),
};

export type LessonDetail = z.infer<typeof lessonDetailSchema>;
export type ExerciseView = z.infer<typeof exerciseViewSchema>;
export type HomeworkFeedback = z.infer<typeof homeworkFeedbackSchema>;
export type ExerciseCheck = z.infer<typeof exerciseCheckSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
