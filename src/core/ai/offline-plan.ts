import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Language } from '../../shared/domain';
import { courses, lessons } from '../db/schema';
import type { Db } from '../db/types';
import { contentWords, findRelevantLessons } from './lesson-retrieval';
import { say } from './offline-phrases';
import type { TeachingContext } from './provider';

const MAX_DAYS = 60;

/** «за 5 дней», «за две недели», «in 3 days»: how long the student has, in days; null when not said. */
export function daysAsked(message: string): number | null {
  const text = message.toLocaleLowerCase('ru-RU');
  const WORDS: Record<string, number> = { одну: 1, один: 1, одна: 1, две: 2, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, десять: 10, неделю: 7, месяц: 30, one: 1, two: 2, three: 3, four: 4, five: 5, a: 1 };
  const m = text.match(/(\d+|[\p{L}]+)?\s*(дн\p{L}*|день|недел\p{L}*|месяц\p{L}*|days?|weeks?|months?)/u);
  if (!m) return null;
  const unit = m[2]!;
  const count = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : (WORDS[m[1]] ?? 1)) : 1;
  const days = /недел|week/.test(unit) ? (unit === 'неделю' && !m[1] ? 7 : count * 7) : /месяц|month/.test(unit) ? count * 30 : count;
  return Math.max(1, Math.min(MAX_DAYS, days));
}

/** The course the plan is for: the open lesson's, else the one the question's words point to. */
async function courseFor(db: Db, question: string, context: TeachingContext): Promise<{ id: string; title: string } | null> {
  if (context.lesson) {
    const [row] = await db
      .select({ id: courses.id, title: courses.title })
      .from(lessons)
      .innerJoin(courses, eq(courses.id, lessons.courseId))
      .where(eq(lessons.id, context.lesson.id));
    if (row) return row;
  }
  // Words about planning say nothing about the subject.
  const subject = question.replace(/план\p{L}*|подготов\p{L}*|расписани\p{L}*|состав\p{L}*|помоги\p{L}*|готовить\p{L}*|дн\p{L}*|недел\p{L}*|study|plan|prepare/giu, ' ');
  if (!contentWords(subject).length) return null;
  const found = await findRelevantLessons(db, subject, 5);
  const score = new Map<string, { title: string; rank: number }>();
  for (const lesson of found) {
    const entry = score.get(lesson.courseId) ?? { title: lesson.courseTitle, rank: 0 };
    score.set(lesson.courseId, { ...entry, rank: entry.rank + lesson.rank });
  }
  const [best] = [...score.entries()].sort((a, b) => b[1].rank - a[1].rank);
  return best ? { id: best[0], title: best[1].title } : null;
}

/**
 * A study plan from the course's own lessons, in order: each day a lesson or two with its key
 * concepts and exercises, the last day for revision. Without a course to go on, the student is asked
 * to choose one of the courses there are.
 */
export async function studyPlan(db: Db, question: string, context: TeachingContext): Promise<{ text: string[]; course: string | null }> {
  const lang: Language = context.language;
  const course = await courseFor(db, question, context);
  if (!course) {
    const all = await db.select({ title: courses.title }).from(courses).where(isNull(courses.retiredAt)).orderBy(asc(courses.title));
    return { text: [say(lang, 'planWhichCourse', { courses: all.map((c) => `«${c.title}»`).join(', ') })], course: null };
  }
  const rows = await db
    .select({ title: lessons.title, keyConcepts: lessons.keyConcepts, exercises: lessons.practiceExercises })
    .from(lessons)
    .where(and(eq(lessons.courseId, course.id), isNull(lessons.retiredAt)))
    .orderBy(asc(lessons.lessonNumber));
  if (!rows.length) return { text: [say(lang, 'planWhichCourse', { courses: `«${course.title}»` })], course: course.title };
  const days = daysAsked(question) ?? rows.length + 1;
  // One day kept for revision; the lessons spread evenly over the rest (a lesson is never split).
  const studyDays = Math.min(rows.length, Math.max(1, days > 1 ? days - 1 : 1));
  const lines: string[] = [];
  for (let day = 0; day < studyDays; day++) {
    const part = rows.slice(Math.floor((day * rows.length) / studyDays), Math.floor(((day + 1) * rows.length) / studyDays));
    const topics = part
      .map((l) => {
        const concepts = l.keyConcepts.slice(0, 3).map((c) => c.term).join(', ');
        return say(lang, 'planLesson', { title: l.title, concepts: concepts || '—', exercises: String(l.exercises.length) });
      })
      .join(' ');
    lines.push(`${say(lang, 'planDay', { day: String(day + 1) })} ${topics}`);
  }
  if (days > 1) lines.push(`${say(lang, 'planDay', { day: String(lines.length + 1) })} ${say(lang, 'planRevision')}`);
  return { text: [say(lang, 'planIntro', { course: course.title, days: String(lines.length) }), lines.join('\n'), say(lang, 'planTip')], course: course.title };
}
