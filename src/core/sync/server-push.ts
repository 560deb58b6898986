import { sql } from 'drizzle-orm';
import type { MutationEnvelope, PushResponse } from '../../shared/sync';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { AppError } from '../errors/app-error';
import { mutationNamed } from '../mutations/mutation-names';
import { mutationContext } from '../mutations/mutation-context';
import { replayMutation } from '../mutations/run-mutation';
import { refreshMotivation } from '../motivation/refresh-motivation';
import { mutationArgs, MUTATIONS, type MutationArgs, type MutationName, type MutationRecord } from './mutation-registry';

/**
 * The oldest device this server syncs with, by its newest migration. Since `account_safety` a replayed
 * mutation stores what this code stores (activity ids derived from their owner): a device with fewer
 * migrations made its rows the old way and the facts it pushed would come back to it under new ids,
 * twice. Since `keep_sent_mutations` a pull cursor names the server's history (older apps cannot read
 * it) and the device keeps what it sent, to send it again to a server restored from a backup.
 */
export const OLDEST_DEVICE_MIGRATION = 'keep_sent_mutations';

/** Why a push is refused as a whole; the server maps each to its HTTP status. */
export class PushRefused extends Error {
  constructor(
    readonly reason: 'unknown_device' | 'device_revoked' | 'gap',
    message: string,
    readonly lastMutationId = 0,
  ) {
    super(message);
    this.name = 'PushRefused';
  }
}

/**
 * PostgreSQL errors that a retry cannot fix: the data itself breaks a rule (22, 23), or the mutation
 * reaches for rows row-level security does not let this student touch (42501).
 */
const PERMANENT_SQLSTATE = /^(22|23)|^42501$/;

function permanentReason(error: unknown): string | null {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string' && PERMANENT_SQLSTATE.test(code)) return `database rule ${code}: ${(error as Error).message}`;
  return null;
}

/**
 * Replay one pushed batch of a device's mutations for its owner, inside the caller's transaction (one
 * per batch). The device row is locked first, so two pushes of the same device — retries racing, two
 * server instances — apply each mutation once. Already-applied ids are skipped, a gap is refused, a
 * mutation that can never succeed is recorded and acknowledged so the device's queue moves on; any
 * other failure aborts the batch for a retry.
 */
export async function applyPushBatch(tx: Db, userId: string, deviceId: string, mutations: readonly MutationEnvelope[]): Promise<PushResponse> {
  const [device] = await executeRows<{ last: string | number; revoked: boolean }>(
    tx,
    sql`SELECT last_mutation_id AS last, revoked_at IS NOT NULL AS revoked FROM sync_devices
        WHERE id = ${deviceId} AND user_id = ${userId} FOR UPDATE`,
  );
  if (!device) throw new PushRefused('unknown_device', 'This device is not registered for this account.');
  if (device.revoked) throw new PushRefused('device_revoked', 'This device was signed out of the account.');
  const first = Number(device.last);
  const fresh = [...mutations].sort((a, b) => a.id - b.id).filter((m) => m.id > first);
  fresh.forEach((mutation, i) => {
    if (mutation.id !== first + 1 + i) throw new PushRefused('gap', `Mutation ${first + 1 + i} is missing before ${mutation.id}.`, first);
  });
  if (fresh.length === 0) return { lastMutationId: first, rejected: [] };

  const rejected = (await applyAllAtOnce(tx, userId, fresh)) ? [] : await applyOneByOne(tx, userId, fresh);
  for (const r of rejected) {
    const mutation = fresh.find((m) => m.id === r.id)!;
    await tx.execute(sql`
      INSERT INTO sync_rejected_mutations (device_id, mutation_id, user_id, name, args, reason)
      VALUES (${deviceId}, ${mutation.id}, ${userId}, ${mutation.name}, ${JSON.stringify(mutation.args)}::jsonb, ${r.reason})
      ON CONFLICT DO NOTHING`);
  }
  const last = fresh[fresh.length - 1]!.id;
  await tx.execute(sql`UPDATE sync_devices SET last_mutation_id = ${last}, last_seen_at = now() WHERE id = ${deviceId}`);
  return { lastMutationId: last, rejected };
}

/**
 * The usual case, every mutation valid: one savepoint for the batch, and the student's level, streak and
 * achievements evaluated once at its end (as of the last mutation) rather than after each — a batch is
 * hundreds of mutations. False when one fails: the savepoint is undone and the batch goes one by one.
 */
async function applyAllAtOnce(tx: Db, userId: string, mutations: readonly MutationEnvelope[]): Promise<boolean> {
  const parsed: { name: MutationName; args: MutationArgs<MutationName> }[] = [];
  for (const m of mutations) {
    const name = mutationNamed(m.name);
    const args = name ? mutationArgs[name].safeParse(m.args) : null;
    if (!name || !args?.success) return false;
    parsed.push({ name, args: args.data as MutationArgs<MutationName> });
  }
  try {
    await tx.transaction(async (savepoint) => {
      // One context for the batch: what all of it touched is refreshed once.
      const ctx = mutationContext(savepoint, userId);
      for (const { name, args } of parsed) await (MUTATIONS[name] as MutationRecord<MutationName, unknown>).apply(ctx, args);
      const last = parsed[parsed.length - 1]!.args;
      await refreshMotivation(ctx, last.at, 'timeZone' in last ? (last.timeZone as string | undefined) : undefined);
    });
    return true;
  } catch (error) {
    if (permanentReason(error) === null) throw error;
    return false;
  }
}

/** A batch with a bad mutation in it: each in its own savepoint, the bad ones recorded and acknowledged. */
async function applyOneByOne(tx: Db, userId: string, mutations: readonly MutationEnvelope[]): Promise<PushResponse['rejected']> {
  const rejected: PushResponse['rejected'] = [];
  for (const mutation of mutations) {
    const reason = await applyOne(tx, userId, mutation);
    if (reason) rejected.push({ id: mutation.id, reason });
  }
  return rejected;
}

/** Apply one mutation in a savepoint; the reason it can never succeed, or null when it was applied. */
async function applyOne(tx: Db, userId: string, mutation: MutationEnvelope): Promise<string | null> {
  if (!mutationNamed(mutation.name)) return `unknown mutation ${mutation.name}`;
  try {
    await replayMutation(tx, userId, mutation);
    return null;
  } catch (error) {
    const reason = permanentReason(error);
    if (reason === null) throw error;
    return reason;
  }
}
