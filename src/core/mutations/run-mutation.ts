import { mutationArgs, type MutationArgs, type MutationName } from '../../shared/mutations';
import type { Db } from '../db/types';
import { invalidInput } from '../errors/app-error';
import type { EventHub } from '../events/event-hub';
import { refreshMotivation, type MotivationOutcome } from '../motivation/refresh-motivation';
import { appendToOutbox } from '../outbox/outbox';

export type MutationApply<N extends MutationName, R> = (tx: Db, userId: string, args: MutationArgs<N>) => Promise<R>;

/**
 * Apply a named mutation and record it in the outbox in ONE transaction: either the change and its
 * sync record both exist, or neither does. The server replays the same `apply` against PostgreSQL.
 * When the change added to the student's activity, points, level, streak and achievements are brought
 * up to date in the same transaction; what they earned is announced once it has committed.
 */
export async function runMutation<N extends MutationName, R>(
  db: Db,
  userId: string,
  name: N,
  apply: MutationApply<N, R>,
  rawArgs: MutationArgs<N>,
  events?: EventHub,
): Promise<R> {
  const parsed = mutationArgs[name].safeParse(rawArgs);
  if (!parsed.success) throw invalidInput(`Invalid arguments for mutation ${name}`);
  const args = parsed.data as MutationArgs<N>;
  let outcome: MotivationOutcome | null = null;
  const result = await db.transaction(async (tx) => {
    const applied = await apply(tx, userId, args);
    const timeZone = 'timeZone' in args ? (args.timeZone as string | undefined) : undefined;
    outcome = await refreshMotivation(tx, userId, args.at, timeZone);
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
