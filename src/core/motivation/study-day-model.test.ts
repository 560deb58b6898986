import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVEL_THRESHOLDS } from './levels';
import { POINTS } from './points-rules';
import { STUDY_DAY, levelStudyTable, pointsPerStudyDay } from './study-day-model';

const root = join(__dirname, '..', '..', '..');

/** The rows of the README table that follows `<!-- level-table -->`, as numbers. */
function readmeLevelTable(): number[][] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const after = readme.split('<!-- level-table -->')[1];
  if (after === undefined) throw new Error('README.md has no <!-- level-table --> marker');
  const lines = after.trimStart().split('\n');
  const rows: number[][] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((cell) => Number(cell.trim())));
  }
  return rows;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describe('the published level table', () => {
  it('is what the rules and the study-day model compute (README cannot drift)', () => {
    const computed = levelStudyTable().map((row) => [row.level, row.points, row.days, row.hours]);
    expect(readmeLevelTable()).toEqual(computed);
    expect(computed).toHaveLength(LEVEL_THRESHOLDS.length);
  });

  it('models a day on the bundled lessons: their median number of exercises', () => {
    const dir = join(root, 'resources', 'content');
    const counts = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { lessons: { exercises: unknown[] }[] }).lessons)
      .map((lesson) => lesson.exercises.length);
    expect(counts.length).toBeGreaterThan(0);
    expect(STUDY_DAY.exercisesCorrect).toBe(median(counts));
    expect(pointsPerStudyDay()).toBe(POINTS.lessonCompleted + STUDY_DAY.exercisesCorrect * POINTS.exerciseCorrect);
  });

  it('makes levels take days of steady study, not minutes', () => {
    const table = levelStudyTable();
    // One study day never earns a level; the early ones take days, level 10 about two months.
    expect(table[1]!.days).toBeGreaterThanOrEqual(3);
    expect(table[2]!.days).toBeGreaterThanOrEqual(5);
    expect(table[9]!.days).toBeGreaterThanOrEqual(50);
    for (let i = 2; i < table.length; i++) expect(table[i]!.days - table[i - 1]!.days).toBeGreaterThanOrEqual(table[i - 1]!.days - table[i - 2]!.days - 1);
  });
});
