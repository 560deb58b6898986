import { mutationNamed, wireNameOf } from './mutation-names';
import type { Db } from '../db/types';
import { invalidInput } from '../errors/app-error';
import type { EventHub } from '../events/event-hub';
import type { Fanout } from '../events/fanout';
import { refreshMotivation, type MotivationOutcome } from '../motivation/refresh-motivation';
import { appendToOutbox } from '../outbox/outbox';
import { mutationArgs, MUTATIONS, type MutationArgs, type MutationName, type MutationRecord, type MutationResult } from '../sync/mutation-registry';
import { mutationContext, type MutationContext } from './mutation-context';

/** Validate a mutation's arguments against its schema; the same check runs on the device and on the server. */
export function parseMutationArgs<N extends MutationName>(name: N, rawArgs: unknown): MutationArgs<N> {
  const parsed = mutationArgs[name].safeParse(rawArgs);
  if (!parsed.success) throw invalidInput(`Invalid arguments for mutation ${name}`);
  return parsed.data as MutationArgs<N>;
}

const timeZoneOf = (args: { at: string }) => ('timeZone' in args ? (args.timeZone as string | undefined) : undefined);

/**
 * A mutation's effect inside the context's transaction: the service change, then points, level, streak
 * and achievements brought up to date from the facts, and what the change announces collected in the
 * context. Shared by the device (with the outbox record), the server replaying a push, and the device
 * rebasing its pending changes on top of a pull.
 */
export async function applyMutation<N extends MutationName>(ctx: MutationContext, name: N, args: MutationArgs<N>): Promise<MutationResult<N>> {
  const record = MUTATIONS[name] as unknown as MutationRecord<N, MutationResult<N>>;
  const result = await record.apply(ctx, args);
  const outcome = await refreshMotivation(ctx, args.at, timeZoneOf(args));
  if (outcome) announceRewards(ctx, outcome);
  record.announces?.(ctx.announce, result, args);
  return result;
}

/**
 * Replay a stored or pushed mutation (its name, new or old, and its raw arguments) in a savepoint of the
 * caller's transaction: either all of it applies or none of it. Unknown names and invalid arguments
 * throw an `invalid_input` AppError before anything is written.
 */
export async function replayMutation(tx: Db, userId: string, stored: { name: string; args: unknown }): Promise<void> {
  const name = mutationNamed(stored.name);
  if (!name) throw invalidInput(`unknown mutation ${stored.name.slice(0, 100)}`);
  const args = parseMutationArgs(name, stored.args);
  await tx.transaction(async (savepoint) => {
    await applyMutation(mutationContext(savepoint, userId), name, args);
  });
}

/** How a device runs its student's changes; one per core (`createCoreOnDatabase`). */
export interface MutationRunner {
  /**
   * Apply a named mutation and record it in the outbox in ONE transaction: either the change and its
   * sync record both exist, or neither does. `alongside`: the device's own bookkeeping that must
   * commit with the change (a reply's draft removed), never replayed elsewhere.
   */
  run<N extends MutationName>(userId: string, name: N, args: MutationArgs<N>, alongside?: (tx: Db) => Promise<void>): Promise<MutationResult<N>>;
}

export interface MutationRunnerDeps {
  db: Db;
  /** Where what a change announces goes once it committed. */
  events: EventHub;
  /** Told the student's id after each committed outbox row: the sync engine's one cue that something waits. */
  outboxCommits: Fanout<string>;
}

export function createMutationRunner({ db, events, outboxCommits }: MutationRunnerDeps): MutationRunner {
  return {
    async run<N extends MutationName>(userId: string, name: N, rawArgs: MutationArgs<N>, alongside?: (tx: Db) => Promise<void>) {
      const args = parseMutationArgs(name, rawArgs);
      const { result, announced } = await db.transaction(async (tx) => {
        const ctx = mutationContext(tx, userId);
        if (alongside) await alongside(tx);
        const applied: MutationResult<N> = await applyMutation(ctx, name, args);
        await appendToOutbox(tx, userId, wireNameOf(name), args);
        return { result: applied, announced: ctx.announced };
      });
      for (const event of announced) events.send(event);
      outboxCommits.emit(userId);
      return result;
    },
  };
}

function announceRewards(ctx: MutationContext, outcome: MotivationOutcome): void {
  if (outcome.pointsAwarded > 0 || outcome.levelReached !== null) {
    ctx.announce('motivation.changed', {
      pointsAwarded: outcome.pointsAwarded,
      totalPoints: outcome.totalPoints,
      level: outcome.level,
      levelReached: outcome.levelReached,
    });
  }
  for (const achievement of outcome.unlocked) ctx.announce('achievement.unlocked', achievement);
}
