import { mutationArgs, type MutationName } from '../sync/mutation-registry';

/**
 * The names these mutations travelled under before each took its contract method's name. Outboxes
 * written by earlier versions and servers that have not been updated yet hold and expect them, so a
 * device still writes and pushes a mutation under its old name and every replayer accepts both.
 * A mutation added from now on has no entry: its one name is its contract method's.
 */
export const LEGACY_MUTATION_NAMES = {
  'plan.generate': 'plans.generate',
  'course.enrol': 'courses.enrol',
  'course.setStatus': 'courses.setStatus',
  'lesson.complete': 'progress.completeLesson',
  'chat.appendMessage': 'chat.sendMessage',
  'lesson.start': 'lessons.start',
  'study.time': 'study.recordTime',
  'exercise.answer': 'exercises.check',
  'homework.feedback': 'homework.requestFeedback',
} as const satisfies Record<string, MutationName>;

const wireNames = new Map<MutationName, string>(
  Object.entries(LEGACY_MUTATION_NAMES).map(([legacy, name]) => [name as MutationName, legacy]),
);

/** The name a mutation is recorded in the outbox and pushed under (see `LEGACY_MUTATION_NAMES`). */
export const wireNameOf = (name: MutationName): string => wireNames.get(name) ?? name;

type Legacy = typeof LEGACY_MUTATION_NAMES;
type LegacyNameOf<N extends MutationName> = { [L in keyof Legacy]: Legacy[L] extends N ? L : never }[keyof Legacy];
type WireNameOf<N extends MutationName> = [LegacyNameOf<N>] extends [never] ? N : LegacyNameOf<N>;
/** The names devices write today: what a server receives. */
export type WireMutationName = { [N in MutationName]: WireNameOf<N> }[MutationName];

/** Every mutation's argument schema under the name it travels by. */
export const wireMutationArgs = Object.fromEntries(
  Object.entries(mutationArgs).map(([name, schema]) => [wireNameOf(name as MutationName), schema]),
) as { [N in MutationName as WireNameOf<N>]: (typeof mutationArgs)[N] };

/** The mutation a stored or pushed name stands for, by its own name or its old one; null when unknown. */
export function mutationNamed(name: string): MutationName | null {
  if (Object.hasOwn(mutationArgs, name)) return name as MutationName;
  return Object.hasOwn(LEGACY_MUTATION_NAMES, name) ? LEGACY_MUTATION_NAMES[name as keyof typeof LEGACY_MUTATION_NAMES] : null;
}
