/**
 * A review card's key names what it is about; cards are not stored, so the key is how a review in the
 * log finds its card again: `concept:<lesson id>:<term>` or `exercise:<lesson id>:<exercise id>`.
 */
export type CardRef =
  | { kind: 'concept'; lessonId: string; term: string }
  | { kind: 'exercise'; lessonId: string; exerciseId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const conceptCardKey = (lessonId: string, term: string) => `concept:${lessonId}:${term}`;
export const exerciseCardKey = (lessonId: string, exerciseId: string) => `exercise:${lessonId}:${exerciseId}`;

export function parseCardKey(key: string): CardRef | null {
  const first = key.indexOf(':');
  const second = key.indexOf(':', first + 1);
  if (first < 0 || second < 0) return null;
  const kind = key.slice(0, first);
  const lessonId = key.slice(first + 1, second);
  const rest = key.slice(second + 1);
  if (!UUID.test(lessonId) || rest.length === 0) return null;
  if (kind === 'concept') return { kind, lessonId, term: rest };
  if (kind === 'exercise') return { kind, lessonId, exerciseId: rest };
  return null;
}
