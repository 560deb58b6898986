import { sql } from 'drizzle-orm';
import type { MutationEnvelope, PushResponse } from '../../shared/sync';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { AppError } from '../errors/app-error';
import { applyMutation, parseMutationArgs } from '../mutations/run-mutation';
import { isMutationName, MUTATIONS } from './mutation-registry';

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

/** PostgreSQL errors that a retry cannot fix: the data itself breaks a rule. */
const PERMANENT_SQLSTATE = /^(22|23)/;

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
  let last = Number(device.last);
  const rejected: PushResponse['rejected'] = [];

  for (const mutation of [...mutations].sort((a, b) => a.id - b.id)) {
    if (mutation.id <= last) continue;
    if (mutation.id !== last + 1) {
      throw new PushRefused('gap', `Mutation ${last + 1} is missing before ${mutation.id}.`, last);
    }
    const reason = await applyOne(tx, userId, mutation);
    if (reason) {
      rejected.push({ id: mutation.id, reason });
      await tx.execute(sql`
        INSERT INTO sync_rejected_mutations (device_id, mutation_id, user_id, name, args, reason)
        VALUES (${deviceId}, ${mutation.id}, ${userId}, ${mutation.name}, ${JSON.stringify(mutation.args)}::jsonb, ${reason})
        ON CONFLICT DO NOTHING`);
    }
    last = mutation.id;
  }
  await tx.execute(sql`UPDATE sync_devices SET last_mutation_id = ${last}, last_seen_at = now() WHERE id = ${deviceId}`);
  return { lastMutationId: last, rejected };
}

/** Apply one mutation in a savepoint; the reason it can never succeed, or null when it was applied. */
async function applyOne(tx: Db, userId: string, mutation: MutationEnvelope): Promise<string | null> {
  if (!isMutationName(mutation.name)) return `unknown mutation ${mutation.name}`;
  const name = mutation.name;
  try {
    const args = parseMutationArgs(name, mutation.args);
    await tx.transaction(async (savepoint) => {
      await applyMutation(savepoint, userId, MUTATIONS[name] as never, args as never);
    });
    return null;
  } catch (error) {
    const reason = permanentReason(error);
    if (reason === null) throw error;
    return reason;
  }
}
