import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { DIFFICULTY_LEVELS, EXAM_TYPES, GRADE_MAX, GRADE_MIN, SUBJECTS } from '../../../shared/domain';
import type { Exercise, Homework, KeyConcept } from '../../../shared/content';
import { idColumn, oneOf, timestamps, tsvector } from './columns';

export const courses = pgTable(
  'courses',
  {
    id: idColumn(),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description').notNull().default(''),
    subject: varchar('subject', { length: 50 }).notNull(),
    grade: smallint('grade'),
    examType: varchar('exam_type', { length: 10 }),
    difficultyLevel: varchar('difficulty_level', { length: 10 }).notNull().default('medium'),
    /** Maintained by the lessons trigger; never written by application code. */
    totalLessons: integer('total_lessons').notNull().default(0),
    estimatedHours: integer('estimated_hours'),
    /**
     * Set when the course left the catalogue (its pack withdrawn, the trusted server dropped it): hidden
     * from new enrolment and from students not enrolled; enrolled students keep it, their progress and history.
     */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Title and description in Russian word forms: «уравнения» finds «уравнение». */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('russian', coalesce(${courses.title}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${courses.description}, '')), 'B')`,
    ),
    ...timestamps(),
  },
  (t) => [
    index('courses_search_vector_gin_idx').using('gin', t.searchVector),
    index('courses_subject_idx').on(t.subject),
    index('courses_grade_idx').on(t.grade),
    index('courses_exam_type_idx').on(t.examType),
    check('courses_subject_check', oneOf(t.subject, SUBJECTS)),
    check('courses_grade_check', sql`${t.grade} BETWEEN ${sql.raw(String(GRADE_MIN))} AND ${sql.raw(String(GRADE_MAX))}`),
    check('courses_exam_type_check', oneOf(t.examType, EXAM_TYPES)),
    check('courses_difficulty_level_check', oneOf(t.difficultyLevel, DIFFICULTY_LEVELS)),
    check('courses_total_lessons_check', sql`${t.totalLessons} >= 0`),
    check('courses_estimated_hours_check', sql`${t.estimatedHours} >= 0`),
  ],
);

/**
 * A student's row about a course (enrolment, plan). A course is retired, never deleted: were one
 * deleted anyway, the database refuses rather than take the students' progress with it.
 */
export const courseColumn = () =>
  uuid('course_id')
    .notNull()
    .references(() => courses.id, { onDelete: 'no action' });

export const lessons = pgTable(
  'lessons',
  {
    id: idColumn(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    lessonNumber: integer('lesson_number').notNull(),
    title: varchar('title', { length: 255 }).notNull(),
    topic: varchar('topic', { length: 255 }).notNull().default(''),
    description: text('description').notNull().default(''),
    content: text('content').notNull().default(''),
    learningObjectives: jsonb('learning_objectives').$type<string[]>().notNull().default([]),
    keyConcepts: jsonb('key_concepts').$type<KeyConcept[]>().notNull().default([]),
    practiceExercises: jsonb('practice_exercises').$type<Exercise[]>().notNull().default([]),
    homework: jsonb('homework').$type<Homework | null>(),
    /** Set when the lesson left its course's pack: out of the course's count, kept for those who studied it. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Title, topic, description, key concepts, content and exercise prompts (never answers), most important first. */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('russian', coalesce(${lessons.title}, '') || ' ' || coalesce(${lessons.topic}, '')), 'A')
        || setweight(to_tsvector('russian', coalesce(${lessons.description}, '')) || to_tsvector('russian', ${lessons.keyConcepts}), 'B')
        || setweight(to_tsvector('russian', coalesce(${lessons.content}, '')), 'C')
        || setweight(to_tsvector('russian', jsonb_path_query_array(${lessons.practiceExercises}, '$[*].prompt')), 'D')`,
    ),
    ...timestamps(),
  },
  (t) => [
    index('lessons_search_vector_gin_idx').using('gin', t.searchVector),
    // A retired lesson keeps its number; only the lessons in the course are numbered without gaps or twins.
    uniqueIndex('lessons_active_course_id_lesson_number_idx').on(t.courseId, t.lessonNumber).where(sql`${t.retiredAt} IS NULL`),
    index('lessons_course_id_idx').on(t.courseId),
    index('lessons_learning_objectives_gin_idx').using('gin', t.learningObjectives),
    index('lessons_key_concepts_gin_idx').using('gin', t.keyConcepts),
    index('lessons_practice_exercises_gin_idx').using('gin', t.practiceExercises),
    index('lessons_homework_gin_idx').using('gin', t.homework),
    check('lessons_lesson_number_check', sql`${t.lessonNumber} >= 1`),
  ],
);
