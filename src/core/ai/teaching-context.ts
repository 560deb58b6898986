import { eq } from 'drizzle-orm';
import type { Exercise } from '../../shared/content';
import type { Language } from '../../shared/domain';
import { courses, lessons, userPreferences } from '../db/schema';
import type { Db } from '../db/types';
import type { TeachingContext, TeachingExercise } from './provider';

/** What a session remembers about where it was opened (`chat_sessions.context_data`). */
export interface SessionContextData {
  title?: string;
  exerciseId?: string;
  attempt?: { answer: string; correct: boolean; tries: number };
}

/** The right answer as a sentence the teacher can use once the policy allows. */
export function answerText(exercise: Exercise): string {
  switch (exercise.type) {
    case 'single_choice':
      return exercise.options[exercise.answer] ?? String(exercise.answer);
    case 'multiple_choice':
      return exercise.answer.map((i) => exercise.options[i] ?? String(i)).join('; ');
    case 'numeric':
      return exercise.unit ? `${exercise.answer} ${exercise.unit}` : String(exercise.answer);
    case 'fraction':
    case 'short_text':
    case 'expression':
    case 'ege_short':
      return exercise.answer;
  }
}

export function teachingExercise(exercise: Exercise): TeachingExercise {
  return {
    id: exercise.id,
    prompt: exercise.prompt,
    options: 'options' in exercise ? exercise.options : [],
    hints: exercise.hints,
    explanation: exercise.explanation,
    answer: answerText(exercise),
  };
}

export async function studentLanguage(db: Db, userId: string): Promise<Language> {
  const [row] = await db.select({ language: userPreferences.language }).from(userPreferences).where(eq(userPreferences.userId, userId));
  return (row?.language as Language | undefined) ?? 'ru';
}

export async function lessonWithCourse(db: Db, lessonId: string) {
  const [row] = await db
    .select({ lesson: lessons, courseTitle: courses.title, grade: courses.grade })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.id, lessonId));
  return row ?? null;
}

/** Built from the database for every reply: the page can name a lesson, never put words in the teacher's mouth. */
export async function buildTeachingContext(
  db: Db,
  userId: string,
  session: { courseId: string | null; lessonId: string | null; contextData: Record<string, unknown> },
): Promise<TeachingContext> {
  const data = session.contextData as SessionContextData;
  const language = await studentLanguage(db, userId);
  const base: TeachingContext = { language, grade: null, courseTitle: null, lesson: null, exercise: null, attempt: null, homework: null };
  if (session.lessonId) {
    const row = await lessonWithCourse(db, session.lessonId);
    if (!row) return base;
    const exercise = data.exerciseId ? row.lesson.practiceExercises.find((e) => e.id === data.exerciseId) : undefined;
    return {
      ...base,
      grade: row.grade,
      courseTitle: row.courseTitle,
      lesson: { id: row.lesson.id, title: row.lesson.title, topic: row.lesson.topic, content: row.lesson.content, keyConcepts: row.lesson.keyConcepts },
      exercise: exercise ? teachingExercise(exercise) : null,
      attempt: exercise && data.attempt ? data.attempt : null,
    };
  }
  if (session.courseId) {
    const [course] = await db.select({ title: courses.title, grade: courses.grade }).from(courses).where(eq(courses.id, session.courseId));
    if (course) return { ...base, grade: course.grade, courseTitle: course.title };
  }
  return base;
}
