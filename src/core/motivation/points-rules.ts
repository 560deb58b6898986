/**
 * Points the student earns. They reward learning outcomes only — a correct answer, finishing a lesson,
 * handing in homework, a flawless lesson — never opening a screen, signing in or clicking around, so
 * the number on the profile reflects study rather than time spent poking the app. Exercises carry most
 * of a day's points: a lesson's right answers are worth twice its completion, so finishing a lesson
 * without doing its work earns little.
 *
 * - `lessonCompleted`: a lesson finished (all its parts done).
 * - `exerciseCorrect`: one exercise answered correctly (counted once per exercise).
 * - `homeworkSubmitted`: a homework handed in.
 * - `perfectLessonBonus`: extra on top of `lessonCompleted` when the lesson's score is 100.
 *
 * What these add up to over days of study is published in the README (see `study-day-model.ts`).
 */
export const POINTS = Object.freeze({
  lessonCompleted: 30,
  exerciseCorrect: 10,
  homeworkSubmitted: 20,
  perfectLessonBonus: 20,
} as const);

export type PointsTable = typeof POINTS;
export type PointsReason = keyof PointsTable;
