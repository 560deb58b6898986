import { z } from 'zod';
import { DIFFICULTY_LEVELS, EXAM_TYPES, GRADE_MAX, GRADE_MIN, SUBJECTS } from './domain';
import { checkAnswer, correctAnswerOf } from './exercise-check';

/** A stable, human-chosen key (course or lesson) from which deterministic ids are derived. */
const slug = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase latin letters, digits and single dashes');

const markdown = z.string().trim().min(1).max(100_000);

export const keyConceptSchema = z.strictObject({
  term: z.string().trim().min(1).max(200),
  definition: z.string().trim().min(1).max(2_000),
});

const exerciseBase = {
  id: slug,
  prompt: markdown,
  explanation: markdown,
  hints: z.array(z.string().trim().min(1).max(2_000)).max(5).default([]),
};

const choiceOptions = z.array(z.string().trim().min(1).max(1_000)).min(2).max(10);

export const exerciseSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...exerciseBase,
    type: z.literal('single_choice'),
    options: choiceOptions,
    answer: z.number().int().min(0),
  }),
  z.strictObject({
    ...exerciseBase,
    type: z.literal('multiple_choice'),
    options: choiceOptions,
    answer: z.array(z.number().int().min(0)).min(1),
  }),
  z.strictObject({
    ...exerciseBase,
    type: z.literal('numeric'),
    answer: z.number().finite(),
    tolerance: z.number().min(0).optional(),
    unit: z.string().max(30).optional(),
  }),
  z.strictObject({
    ...exerciseBase,
    /** A common fraction or mixed number, compared exactly («5/6», «2 6/11»); decimals count unless a form is asked. */
    type: z.literal('fraction'),
    answer: z.string().regex(/^-?\d+(?: \d+\/\d+|\/\d+)?$/, 'a fraction as «3/7», a mixed number as «2 6/11», or an integer'),
    /** `mixed`: a mixed number (an improper fraction is refused); `irreducible`: in lowest terms. */
    form: z.enum(['mixed', 'irreducible']).optional(),
  }),
  z.strictObject({
    ...exerciseBase,
    /** An algebraic answer compared by value at many points, never by spelling: «(x-3)(x-5)» = «(3-x)(5-x)». */
    type: z.literal('expression'),
    answer: z.string().trim().min(1).max(200),
    /** The letters the answer may use; by default those of `answer`. */
    variables: z.array(z.string().regex(/^[a-z]$/)).min(1).max(6).optional(),
    /** `binary`: the variables are 0 or 1 (Python logic), and every combination is tried. */
    domain: z.enum(['real', 'binary']).optional(),
    /** `product`: the answer must be written as factors («разложите на множители»). */
    form: z.enum(['product']).optional(),
  }),
  z.strictObject({
    ...exerciseBase,
    type: z.literal('short_text'),
    answer: z.string().trim().min(1).max(200),
    accept: z.array(z.string().trim().min(1).max(200)).optional(),
  }),
  z.strictObject({
    ...exerciseBase,
    /**
     * An exam-style short answer, as on the answer sheet of the course's exam (the name is historical: it
     * serves ОГЭ courses too). Allowed only in a course with an exam; the exam's rules come from the course.
     */
    type: z.literal('ege_short'),
    answer: z
      .string()
      .regex(/^-?\d+(?:[.,]\d+)?$|^[0-9A-Za-zА-Яа-яЁё]+$/, 'an ЕГЭ short answer is a number or a string of digits/letters'),
  }),
]);

export const homeworkSchema = z.strictObject({
  prompt: markdown,
  modelAnswer: markdown,
  criteria: z.array(z.string().trim().min(1).max(1_000)).default([]),
});

export const packLessonSchema = z.strictObject({
  key: slug,
  number: z.number().int().min(1),
  title: z.string().trim().min(1).max(255),
  topic: z.string().trim().min(1).max(255),
  description: z.string().trim().max(2_000),
  content: markdown,
  objectives: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
  keyConcepts: z.array(keyConceptSchema).max(30),
  exercises: z.array(exerciseSchema).max(100),
  homework: homeworkSchema.nullable(),
});

/** The format a pack file names; anything else is not a Teacher AI course pack. */
export const PACK_FORMAT = 'teacher-ai-pack/1';

export const contentPackSchema = z
  .strictObject({
    format: z.literal(PACK_FORMAT),
    version: z.number().int().min(1),
    course: z.strictObject({
      key: slug,
      title: z.string().trim().min(1).max(255),
      description: z.string().trim().max(5_000),
      subject: z.enum(SUBJECTS),
      grade: z.number().int().min(GRADE_MIN).max(GRADE_MAX).nullable(),
      examType: z.enum(EXAM_TYPES).nullable(),
      difficulty: z.enum(DIFFICULTY_LEVELS),
      estimatedHours: z.number().int().min(0).max(1_000),
    }),
    lessons: z.array(packLessonSchema).min(1).max(500),
  })
  .superRefine((pack, ctx) => {
    const keys = new Set<string>();
    pack.lessons.forEach((lesson, index) => {
      if (lesson.number !== index + 1) {
        ctx.addIssue({ code: 'custom', path: ['lessons', index, 'number'], message: `expected lesson number ${index + 1}` });
      }
      if (keys.has(lesson.key)) {
        ctx.addIssue({ code: 'custom', path: ['lessons', index, 'key'], message: `duplicate lesson key ${lesson.key}` });
      }
      keys.add(lesson.key);
      const exerciseIds = new Set<string>();
      lesson.exercises.forEach((exercise, e) => {
        const path = ['lessons', index, 'exercises', e];
        if (exerciseIds.has(exercise.id)) ctx.addIssue({ code: 'custom', path, message: `duplicate exercise id ${exercise.id}` });
        exerciseIds.add(exercise.id);
        if (exercise.type === 'single_choice' && exercise.answer >= exercise.options.length) {
          ctx.addIssue({ code: 'custom', path, message: 'answer index is outside the options' });
        }
        if (exercise.type === 'multiple_choice' && exercise.answer.some((a) => a >= exercise.options.length)) {
          ctx.addIssue({ code: 'custom', path, message: 'an answer index is outside the options' });
        }
        if (exercise.type === 'ege_short' && pack.course.examType === null) {
          ctx.addIssue({ code: 'custom', path, message: 'an exam-style answer (ege_short) belongs only in an ЕГЭ or ОГЭ course: use numeric or fraction' });
        }
        if (!checkAnswer(exercise, correctAnswerOf(exercise), { exam: pack.course.examType })) {
          ctx.addIssue({ code: 'custom', path, message: `the answer of exercise ${exercise.id} is not accepted by its own checker` });
        }
      });
    });
  });

export type KeyConcept = z.infer<typeof keyConceptSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type Homework = z.infer<typeof homeworkSchema>;
export type ContentPack = z.infer<typeof contentPackSchema>;
export type PackLesson = z.infer<typeof packLessonSchema>;
