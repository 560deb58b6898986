import { sql } from 'drizzle-orm';
import type { Exercise } from '../../shared/content';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { canonicalForm } from './algebra/math-problem';
import { mathRuns, normaliseMath } from './algebra/math-text';
import { numbersOf } from './offline-homework-review';

/**
 * The solver must not become a way around the hint ladder: a problem that is one of the course's
 * exercises is coached, not solved, whether it is asked about in the exercise's session or pasted
 * into a general chat.
 */
const bare = (run: string) => run.replace(/[\s*]/g, '');
const distinct = (values: number[]) => [...new Set(values.map((v) => Number(v.toFixed(9))))].sort((a, b) => a - b);

/** The same problem: a formula of one is a formula of the other, or (a word problem) they state exactly the same numbers, two or more. */
export function sameProblem(message: string, exercisePrompt: string): boolean {
  const form = (run: string) => canonicalForm(run) ?? bare(run);
  const ours = mathRuns(normaliseMath(message)).map(form);
  const theirs = new Set(mathRuns(normaliseMath(exercisePrompt)).map(form));
  if (ours.some((a) => theirs.has(a))) return true;
  // A formula is compared as a formula: the same numbers in another equation are another problem.
  if (ours.length) return false;
  const a = distinct(numbersOf(normaliseMath(message)).map(Math.abs));
  const b = distinct(numbersOf(normaliseMath(exercisePrompt)).map(Math.abs));
  return b.length >= 2 && a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface CatalogueExercise {
  lessonTitle: string;
  exercise: Exercise;
}

const MAX_CANDIDATES = 200;

/** A course exercise the message restates, if any: exercises containing all its numbers are compared closely. */
export async function catalogueExerciseIn(db: Db, message: string): Promise<CatalogueExercise | null> {
  const integers = [...new Set(normaliseMath(message).match(/\d+/g) ?? [])];
  if (integers.length < 2) return null;
  const patterns = integers.map((n) => `%${n}%`);
  const rows = await executeRows<{ title: string; exercise: Exercise }>(
    db,
    sql`SELECT l.title, e.value AS exercise
        FROM lessons l JOIN courses c ON c.id = l.course_id, jsonb_array_elements(l.practice_exercises) e
        WHERE l.retired_at IS NULL AND c.retired_at IS NULL
          AND (e.value->>'prompt') LIKE ALL (ARRAY[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}]::text[])
        LIMIT ${MAX_CANDIDATES}`,
  );
  const found = rows.find((row) => sameProblem(message, row.exercise.prompt));
  return found ? { lessonTitle: found.title, exercise: found.exercise } : null;
}
