/**
 * The exam task numbers a lesson prepares for, read from its topic: «Задание 6: …», «Задания 7 и 11»,
 * «Задание № 14», «Задания 8/12», «Задания 1–5 и 12». Lessons without one are general preparation.
 */
export function taskNumbersOf(topic: string): number[] {
  const match = /задани[еяй]\s*№?\s*([\d\s,/и–—-]+)/iu.exec(topic);
  if (!match) return [];
  const numbers: number[] = [];
  for (const part of match[1]!.split(/[,/]|\sи\s/u)) {
    const range = /(\d+)\s*[–—-]\s*(\d+)/u.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      for (let n = from; n <= to && n - from < 40; n++) numbers.push(n);
    } else {
      numbers.push(...(part.match(/\d+/g) ?? []).map(Number));
    }
  }
  return [...new Set(numbers.filter((n) => n >= 1 && n <= 40))].sort((a, b) => a - b);
}

/** How well a task is mastered, from the best score of the lessons behind it. */
export function masteryOf(bestScore: number | null): 'not_started' | 'weak' | 'good' | 'mastered' {
  if (bestScore === null) return 'not_started';
  if (bestScore >= 90) return 'mastered';
  if (bestScore >= 70) return 'good';
  return 'weak';
}
