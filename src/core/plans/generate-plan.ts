import type { PlanItem, PlanSession } from '../../shared/contract';
import type { LessonStatus } from '../../shared/domain';

export interface PlanLesson {
  lessonId: string;
  number: number;
  title: string;
  status: LessonStatus;
  score: number | null;
}

export interface PlanInput {
  /** The student's today, as a calendar date (YYYY-MM-DD) in their own time zone. */
  today: string;
  targetDate: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  studyDays: number[];
  minutesPerDay: number;
  /** Minutes one lesson takes (from the course's estimated hours). */
  lessonMinutes: number;
  lessons: PlanLesson[];
}

export interface GeneratedPlan {
  sessions: PlanSession[];
  fitsBeforeTarget: boolean;
  projectedEndDate: string | null;
}

/** Completed lessons scored below this are reviewed. */
export const REVIEW_BELOW_SCORE = 70;
/** A review takes this share of a lesson's time. */
const REVIEW_SHARE = 0.5;
/** New lessons between two reviews, so revision is spread rather than piled at the start or the end. */
const LESSONS_BETWEEN_REVIEWS = 2;
/** Safety net: no plan runs longer than five years. */
const MAX_DAYS = 5 * 366;

const DAY_MS = 86_400_000;
const parseDate = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const formatDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoWeekday = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;

interface Work {
  kind: 'lesson' | 'review';
  lesson: PlanLesson;
  minutes: number;
}

/** What is left to do, in order: new lessons by number, with a review of a weak lesson after every few. */
function workQueue(input: PlanInput): Work[] {
  const remaining = input.lessons
    .filter((l) => l.status !== 'completed' && l.status !== 'reviewed')
    .sort((a, b) => a.number - b.number)
    .map((lesson): Work => ({ kind: 'lesson', lesson, minutes: input.lessonMinutes }));
  const reviews = input.lessons
    .filter((l) => l.status === 'completed' && l.score !== null && l.score < REVIEW_BELOW_SCORE)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || a.number - b.number)
    .map((lesson): Work => ({ kind: 'review', lesson, minutes: Math.max(10, Math.round(input.lessonMinutes * REVIEW_SHARE)) }));
  const queue: Work[] = [];
  while (remaining.length || reviews.length) {
    if (reviews.length) queue.push(reviews.shift()!);
    queue.push(...remaining.splice(0, LESSONS_BETWEEN_REVIEWS));
  }
  return queue;
}

/**
 * The offline plan: deterministic (the same input gives the same plan), keeps to the study days and the
 * minutes per day, and splits a lesson longer than a day into parts. Work that does not fit before the
 * target date is still scheduled, after it, and the plan says so (`fitsBeforeTarget: false`).
 */
export function generatePlan(input: PlanInput): GeneratedPlan {
  const studyDays = new Set(input.studyDays);
  const target = parseDate(input.targetDate);
  const queue = workQueue(input);
  const sessions: PlanSession[] = [];
  let day = parseDate(input.today);
  /** The piece of work being scheduled, and its items so far (their `parts` is known only at the end). */
  let current: { work: Work; left: number; items: PlanItem[] } | null = null;

  for (let i = 0; i < MAX_DAYS && (queue.length || current); i++, day += DAY_MS) {
    if (!studyDays.has(isoWeekday(day))) continue;
    let capacity = input.minutesPerDay;
    const items: PlanItem[] = [];
    while (capacity > 0 && (current || queue.length)) {
      if (!current) {
        const work = queue[0]!;
        // Do not start new work in the last few minutes of a day unless it fits whole.
        if (items.length > 0 && capacity < Math.min(10, work.minutes)) break;
        current = { work: queue.shift()!, left: work.minutes, items: [] };
      }
      const minutes = Math.min(capacity, current.left);
      const item: PlanItem = {
        kind: current.work.kind,
        lessonId: current.work.lesson.lessonId,
        number: current.work.lesson.number,
        title: current.work.lesson.title,
        minutes,
        part: current.items.length + 1,
        parts: 1,
      };
      items.push(item);
      current.items.push(item);
      capacity -= minutes;
      current.left -= minutes;
      if (current.left === 0) {
        for (const piece of current.items) piece.parts = current.items.length;
        current = null;
      }
    }
    if (items.length) sessions.push({ date: formatDate(day), items, afterTarget: day > target });
  }
  const last = sessions.at(-1);
  return {
    sessions,
    fitsBeforeTarget: !sessions.some((s) => s.afterTarget),
    projectedEndDate: last?.date ?? null,
  };
}
