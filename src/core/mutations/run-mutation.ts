import { mutationArgs, type MutationArgs, type MutationName } from '../../shared/mutations';
import type { Db } from '../db/types';
import { invalidInput } from '../errors/app-error';
import type { EventHub } from '../events/event-hub';
import { refreshMotivation, type MotivationOutcome } from '../motivation/refresh-motivation';
import { appendToOutbox } from '../outbox/outbox';

export type MutationApply<N extends MutationName, R> = (tx: Db, userId: string, args: MutationArgs<N>) => Promise<R>;

/** Validate a mutation's arguments against its schema; the same check runs on the device and on the server. */
export function parseMutationArgs<N extends MutationName>(name: N, rawArgs: unknown): MutationArgs<N> {
  const parsed = mutationArgs[name].safeParse(rawArgs);
  if (!parsed.success) throw invalidInput(`Invalid arguments for mutation ${name}`);
  return parsed.data as MutationArgs<N>;
}

/**
 * A mutation's effect inside the caller's transaction: the service change, then points, level, streak
 * and achievements brought up to date from the facts. Shared by the device (with the outbox record), the
 * server replaying a push, and the device rebasing its pending changes on top of a pull.
 */
export async function applyMutation<N extends MutationName, R>(
  tx: Db,
  userId: string,
  apply: MutationApply<N, R>,
  args: MutationArgs<N>,
): Promise<{ result: R; outcome: MotivationOutcome | null }> {
  const result = await apply(tx, userId, args);
  const timeZone = 'timeZone' in args ? (args.timeZone as string | undefined) : undefined;
  const outcome = await refreshMotivation(tx, userId, args.at, timeZone);
  return { result, outcome };
}

/**
 * Apply a named mutation and record it in the outbox in ONE transaction: either the change and its
 * sync record both exist, or neither does. What the change earned is announced once it has committed.
 */
export async function runMutation<N extends MutationName, R>(
  db: Db,
  userId: string,
  name: N,
  apply: MutationApply<N, R>,
  rawArgs: MutationArgs<N>,
  events?: EventHub,
): Promise<R> {
  const args = parseMutationArgs(name, rawArgs);
  const { result, outcome } = await db.transaction(async (tx) => {
    const applied = await applyMutation(tx, userId, apply, args);
    await appendToOutbox(tx, userId, name, args);
    return applied;
  });
  if (outcome && events) announce(events, outcome);
  return result;
}

function announce(events: EventHub, outcome: MotivationOutcome): void {
  if (outcome.pointsAwarded > 0 || outcome.levelReached !== null) {
    events.emit('motivation.changed', {
      pointsAwarded: outcome.pointsAwarded,
      totalPoints: outcome.totalPoints,
      level: outcome.level,
      levelReached: outcome.levelReached,
    });
  }
  for (const achievement of outcome.unlocked) events.emit('achievement.unlocked', achievement);
}
