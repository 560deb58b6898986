import type { MasteryLevel } from '../../shared/mastery';
import type { CardSchedule } from './card-schedule';

/** What a lesson's mastery is computed from: the student's own records, nothing the page reports. */
export interface LessonRecord {
  exerciseCount: number;
  /** Exercises answered at least once, and of those, answered right the first time. */
  answered: number;
  firstTryRight: number;
  completed: boolean;
  /** The lesson's review cards (its key concepts once completed, its exercises once missed). */
  cards: readonly Pick<CardSchedule, 'reps' | 'stability' | 'lastRating'>[];
}

/** The published thresholds (README «Learning»). */
export const MASTERY_RULES = {
  familiarAccuracy: 0.6,
  proficientAccuracy: 0.85,
  /** FSRS stability, in days: recall expected to stay ≥ 90 % for three weeks. */
  masteredStabilityDays: 21,
} as const;

const FORGOTTEN = 1;

/**
 * - not started: no exercise answered and the lesson not completed;
 * - attempted: begun, but not every exercise answered or first-try accuracy under 60 %;
 * - familiar: every exercise answered (a lesson without exercises: completed), first try ≥ 60 %;
 * - proficient: familiar, and first try ≥ 85 % or every review card recalled at its last review;
 * - mastered: proficient, and every review card reviewed with stability ≥ 21 days.
 * A card whose last review was «Снова» (forgotten) holds the lesson at familiar until it is recalled.
 */
export function masteryOf(record: LessonRecord): MasteryLevel {
  const { exerciseCount, answered, firstTryRight, completed, cards } = record;
  if (answered === 0 && !completed) return 'not_started';
  const everyAnswered = exerciseCount === 0 ? completed : answered >= exerciseCount;
  const accuracy = exerciseCount === 0 ? null : firstTryRight / Math.max(answered, 1);
  if (!everyAnswered || (accuracy !== null && accuracy < MASTERY_RULES.familiarAccuracy)) return 'attempted';
  const reviewed = cards.filter((card) => card.reps > 0);
  if (reviewed.some((card) => card.lastRating === FORGOTTEN)) return 'familiar';
  const everyCardRecalled = cards.length > 0 && reviewed.length === cards.length;
  const accurate = accuracy !== null && accuracy >= MASTERY_RULES.proficientAccuracy;
  if (!accurate && !everyCardRecalled) return 'familiar';
  if (everyCardRecalled && cards.every((card) => card.stability >= MASTERY_RULES.masteredStabilityDays)) return 'mastered';
  return 'proficient';
}
