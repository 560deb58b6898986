import { INITIAL_CURSOR, PUSH_BATCH_MAX, type RowChange, type TokensResponse } from '../../shared/sync';
import type { Db } from '../db/types';
import { SyncFailed, toSyncFailed } from './sync-failure';
import { SyncError, type SyncHttp } from './sync-http';
import { dropAcknowledged, readOutboxBatch, recordRejections, renumberOutbox, requeueSent, SENT_MUTATIONS_KEPT_DAYS } from './sync-store';

/** Hands out access tokens for one account; `fresh` forces a refresh (the last one was refused). */
export interface TokenSource {
  token(fresh: boolean): Promise<string>;
}

/**
 * Call the server with an access token; when it is refused (expired early, server restarted with a new
 * key), refresh once and try again. Refused twice: the account must be signed in again.
 */
export async function authed<T>(tokens: TokenSource, call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(await tokens.token(false));
  } catch (error) {
    if (!(error instanceof SyncError && error.kind === 'unauthorized')) throw toSyncFailed(error, 'sync');
  }
  try {
    return await call(await tokens.token(true));
  } catch (error) {
    throw toSyncFailed(error, 'sync');
  }
}

/**
 * Tokens held in memory only, while linking: the refresh token is kept to be stored with the link at
 * the end (the latest one: a refresh on the way replaces it).
 */
export function memoryTokens(http: SyncHttp, initial: TokensResponse, now: () => Date): TokenSource & { latest(): TokensResponse } {
  let current = initial;
  return {
    latest: () => current,
    async token(fresh) {
      if (!fresh && Date.parse(current.accessExpiresAt) - now().getTime() > 30_000) return current.accessToken;
      try {
        current = await http.refresh(current.refreshToken);
      } catch (error) {
        throw toSyncFailed(error, 'refresh');
      }
      return current.accessToken;
    },
  };
}

export interface PushTarget {
  db: Db;
  http: SyncHttp;
  tokens: TokenSource;
  /** Whose outbox is sent (while linking, a local account about to be replaced by the server's). */
  outboxUserId: string;
  deviceId: string;
  schemaVersion: number;
  /** When the server acknowledged (the sent log's clock). */
  now: () => Date;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

/** The server refused a batch because mutations before it are missing: how far it says it has applied. */
function gapAt(error: unknown): number | null {
  if (!(error instanceof SyncError) || error.kind !== 'conflict' || error.code !== 'mutation_gap') return null;
  return error.serverLastMutationId ?? null;
}

/**
 * The server counts fewer of this device's mutations than it acknowledged (restored from a backup):
 * what the sent log kept goes back into the outbox; if it does not reach back far enough, the pending
 * ones are numbered on from where the server stands, and what is gone is reported.
 */
async function resendWhatTheServerLost(target: PushTarget, serverLast: number): Promise<void> {
  await target.db.transaction(async (tx) => {
    const requeued = await requeueSent(tx, target.outboxUserId, serverLast);
    const [first] = await readOutboxBatch(tx, target.outboxUserId, 1);
    const reachesBack = first !== undefined && first.id === serverLast + 1;
    if (!reachesBack) await renumberOutbox(tx, target.outboxUserId, serverLast);
    target.log?.('sync: the server has lost changes it had acknowledged (restored from a backup?); sending them again', {
      serverLastMutationId: serverLast,
      requeued,
      ...(reachesBack ? {} : { lostBeyondKeptDays: SENT_MUTATIONS_KEPT_DAYS }),
    });
  });
}

/**
 * Send the whole outbox in batches of at most PUSH_BATCH_MAX, oldest first; after each batch what the
 * server acknowledged leaves the outbox. A gap (the server lost mutations it had acknowledged) stops
 * the push with the `gap` reason: nothing is dropped here. Returns how many were acknowledged.
 */
export async function pushOutbox(target: PushTarget): Promise<number> {
  let acknowledged = 0;
  let resent = false;
  for (;;) {
    const batch = await readOutboxBatch(target.db, target.outboxUserId, PUSH_BATCH_MAX);
    if (batch.length === 0) return acknowledged;
    const first = batch[0]!.id;
    const last = batch[batch.length - 1]!.id;
    const answer = await authed(target.tokens, async (token) => {
      try {
        return await target.http.push(token, { deviceId: target.deviceId, schemaVersion: target.schemaVersion, mutations: batch });
      } catch (error) {
        const serverLast = gapAt(error);
        // Healed once per push: a second gap means the numbers disagree some other way.
        if (serverLast === null || serverLast >= first || resent) throw error;
        return { lostAfter: serverLast };
      }
    });
    if ('lostAfter' in answer) {
      resent = true;
      await resendWhatTheServerLost(target, answer.lostAfter);
      continue;
    }
    if (answer.lastMutationId > last) {
      // The server counts mutations of this device this device never sent it: the numbers disagree.
      throw new SyncFailed('gap', `The server has applied up to ${answer.lastMutationId}, past the ${last} this device sent`);
    }
    if (answer.lastMutationId < last) {
      throw new SyncFailed('invalid_response', `The server acknowledged ${answer.lastMutationId} of ${first}…${last} without saying why`);
    }
    if (answer.rejected.length > 0) {
      target.log?.('sync: the server recorded mutations it could not apply', { count: answer.rejected.length, rejected: answer.rejected.slice(0, 20) });
    }
    const acknowledgedAt = target.now();
    await target.db.transaction(async (tx) => {
      await recordRejections(tx, target.outboxUserId, batch, answer.rejected, acknowledgedAt);
      await dropAcknowledged(tx, target.outboxUserId, answer.lastMutationId, acknowledgedAt);
    });
    acknowledged += last - first + 1;
    if (batch.length < PUSH_BATCH_MAX) return acknowledged;
  }
}

export interface Pulled {
  changes: RowChange[];
  cursor: string;
  lastMutationId: number;
}

/** Far more pages than any real pull: a server that keeps saying «more» without moving on is broken. */
const MAX_PAGES = 100_000;

const isCursorAhead = (error: unknown) => error instanceof SyncError && error.kind === 'conflict' && error.code === 'cursor_ahead';

/**
 * Ask for pages until the server says there is no more; nothing is applied until all have arrived.
 * A cursor past everything the server holds (its database was restored from a backup) starts over
 * from the beginning: everything is pulled again, and rows the server lacks stay here.
 */
export async function pullAll(http: SyncHttp, tokens: TokenSource, cursor: string = INITIAL_CURSOR): Promise<Pulled> {
  const changes: RowChange[] = [];
  let at = cursor;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await authed(tokens, async (token) => {
      try {
        return await http.pull(token, at);
      } catch (error) {
        if (page > 0 || at === INITIAL_CURSOR || !isCursorAhead(error)) throw error;
        at = INITIAL_CURSOR;
        return http.pull(token, at);
      }
    });
    changes.push(...answer.changes);
    if (!answer.more) return { changes, cursor: answer.cursor, lastMutationId: answer.lastMutationId };
    if (answer.cursor === at) throw new SyncFailed('invalid_response', 'The server says there is more but its cursor did not move');
    at = answer.cursor;
  }
  throw new SyncFailed('invalid_response', 'The server never finished the pull');
}
