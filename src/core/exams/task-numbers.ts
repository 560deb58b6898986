/**
 * The exam task numbers a lesson prepares for, read from its topic: «Задание 6: …», «Задания 7 и 11»,
 * «Задание № 14», «Задания 8/12». Lessons without one are general preparation.
 */
export function taskNumbersOf(topic: string): number[] {
  const match = /задани[еяй]\s*№?\s*([\d\s,/и–-]+)/iu.exec(topic);
  if (!match) return [];
  const numbers = (match[1]!.match(/\d+/g) ?? []).map(Number).filter((n) => n >= 1 && n <= 40);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** How well a task is mastered, from the best score of the lessons behind it. */
export function masteryOf(bestScore: number | null): 'not_started' | 'weak' | 'good' | 'mastered' {
  if (bestScore === null) return 'not_started';
  if (bestScore >= 90) return 'mastered';
  if (bestScore >= 70) return 'good';
  return 'weak';
}
