/**
 * Points the student earns. They reward learning outcomes only — finishing a lesson, a correct
 * answer, handing in homework, a flawless lesson — never opening a screen, signing in or clicking
 * around, so the number on the profile reflects study rather than time spent poking the app.
 *
 * - `lessonCompleted`: a lesson finished (all its parts done).
 * - `exerciseCorrect`: one exercise answered correctly (counted once per exercise).
 * - `homeworkSubmitted`: a homework handed in.
 * - `perfectLessonBonus`: extra on top of `lessonCompleted` when the lesson's score is 100.
 */
export const POINTS = Object.freeze({
  lessonCompleted: 50,
  exerciseCorrect: 10,
  homeworkSubmitted: 30,
  perfectLessonBonus: 20,
} as const);

export type PointsTable = typeof POINTS;
export type PointsReason = keyof PointsTable;
