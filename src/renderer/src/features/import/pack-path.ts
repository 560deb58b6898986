import type { TextKey } from '../../i18n';

/** One step of where a problem is: «урок 3», «упражнение 1», «домашнее задание». */
export interface PlaceStep {
  key: TextKey;
  n?: number;
}

const NUMBERED: Readonly<Record<string, TextKey>> = {
  lessons: 'import.where.lesson',
  exercises: 'import.where.exercise',
  keyConcepts: 'import.where.concept',
  objectives: 'import.where.objective',
};
const NAMED: Readonly<Record<string, TextKey>> = {
  course: 'import.where.course',
  homework: 'import.where.homework',
};

/**
 * A JSON path of the core (`lessons.2.exercises.0.answer`) as a teacher reads it: lesson 3, exercise 1.
 * Field names inside stay out (they are the file format's English); the whole file when nothing fits.
 */
export function placeOf(path: string): PlaceStep[] {
  const parts = path.split('.').filter((part) => part !== '');
  const steps: PlaceStep[] = [];
  parts.forEach((part, index) => {
    const next = parts[index + 1];
    if (NUMBERED[part] && next !== undefined && /^\d+$/.test(next)) steps.push({ key: NUMBERED[part], n: Number(next) + 1 });
    else if (NAMED[part]) steps.push({ key: NAMED[part] });
  });
  return steps.length > 0 ? steps : [{ key: 'import.where.file' }];
}
