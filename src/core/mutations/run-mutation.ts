import { mutationArgs, type MutationArgs, type MutationName } from '../../shared/mutations';
import type { Db } from '../db/types';
import { invalidInput } from '../errors/app-error';
import { appendToOutbox } from '../outbox/outbox';

export type MutationApply<N extends MutationName, R> = (tx: Db, userId: string, args: MutationArgs<N>) => Promise<R>;

/**
 * Apply a named mutation and record it in the outbox in ONE transaction: either the change and its
 * sync record both exist, or neither does. The server replays the same `apply` against PostgreSQL.
 */
export async function runMutation<N extends MutationName, R>(
  db: Db,
  userId: string,
  name: N,
  apply: MutationApply<N, R>,
  rawArgs: MutationArgs<N>,
): Promise<R> {
  const parsed = mutationArgs[name].safeParse(rawArgs);
  if (!parsed.success) throw invalidInput(`Invalid arguments for mutation ${name}`);
  const args = parsed.data as MutationArgs<N>;
  return db.transaction(async (tx) => {
    const result = await apply(tx, userId, args);
    await appendToOutbox(tx, userId, name, args);
    return result;
  });
}
