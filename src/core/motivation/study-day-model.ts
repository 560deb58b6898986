import { LEVEL_THRESHOLDS } from './levels';
import { POINTS } from './points-rules';

/**
 * The model behind the README's level table: what a student who studies 20 minutes a day earns.
 * Twenty minutes is one lesson of the bundled courses — its theory and its exercises (six in the
 * median lesson), each answered right — and «Завершить урок». Homework, flawless-lesson bonuses and
 * achievement rewards are left out, so the table is the slow, honest case; they only make it faster.
 */
export const STUDY_DAY = Object.freeze({ minutes: 20, lessonsCompleted: 1, exercisesCorrect: 6 } as const);

export const pointsPerStudyDay = (): number =>
  STUDY_DAY.lessonsCompleted * POINTS.lessonCompleted + STUDY_DAY.exercisesCorrect * POINTS.exerciseCorrect;

export interface LevelStudyRow {
  level: number;
  points: number;
  /** Whole study days of the model needed to reach the level from zero. */
  days: number;
  /** Those days' study time, in hours (one decimal). */
  hours: number;
}

/** Every level with the points it needs and the study it takes at `STUDY_DAY`. */
export function levelStudyTable(): LevelStudyRow[] {
  const perDay = pointsPerStudyDay();
  return LEVEL_THRESHOLDS.map((points, index) => {
    const days = Math.ceil(points / perDay);
    return { level: index + 1, points, days, hours: Math.round((days * STUDY_DAY.minutes) / 6) / 10 };
  });
}
