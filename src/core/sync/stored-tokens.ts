import type { TokensResponse } from '../../shared/sync';
import type { SecretBox } from '../ai/secret-box';
import type { Clock } from '../clock';
import type { Db } from '../db/types';
import { SyncFailed, toSyncFailed } from './sync-failure';
import type { SyncHttp } from './sync-http';
import type { TokenSource } from './sync-pass';
import { NEEDS_THE_STUDENT } from './sync-schedule';
import { findLink, storeRefreshToken } from './sync-store';

/** An access token this close to its expiry is refreshed first. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Tokens of linked accounts: access tokens in memory only, refresh tokens sealed in the database, and
 * every rotated refresh token stored the moment it arrives (a crash after that cannot spend it twice).
 * Concurrent requests of one account share one refresh.
 */
export function createStoredTokens(deps: { db: Db; secrets: SecretBox; now: Clock }) {
  const { db, secrets, now } = deps;
  const access = new Map<string, { token: string; expiresAt: number }>();
  const refreshing = new Map<string, Promise<string>>();

  const remember = (userId: string, tokens: TokensResponse) =>
    access.set(userId, { token: tokens.accessToken, expiresAt: Date.parse(tokens.accessExpiresAt) });

  async function refresh(userId: string, http: SyncHttp): Promise<string> {
    const link = await findLink(db, userId);
    const refreshToken = link?.refreshTokenSealed ? secrets.open(link.refreshTokenSealed) : null;
    if (!refreshToken) throw new SyncFailed('sign_in_again', 'No refresh token is stored for this account');
    let tokens: TokensResponse;
    try {
      tokens = await http.refresh(refreshToken);
    } catch (error) {
      const failed = toSyncFailed(error, 'refresh');
      // Refused (used twice — the answer with its successor was lost — or revoked): it is spent for good.
      if (NEEDS_THE_STUDENT.has(failed.reason)) await storeRefreshToken(db, userId, null);
      throw failed;
    }
    await storeRefreshToken(db, userId, secrets.seal(tokens.refreshToken));
    remember(userId, tokens);
    return tokens.accessToken;
  }

  return {
    remember,
    /** The account must sign in again, or was unlinked: its access token is no good. */
    forget: (userId: string) => void access.delete(userId),
    /** Hands out this account's access token for requests to `http`'s server; `fresh` forces a refresh. */
    source(userId: string, http: SyncHttp): TokenSource {
      return {
        async token(fresh) {
          const held = access.get(userId);
          if (!fresh && held && held.expiresAt - now().getTime() > EXPIRY_MARGIN_MS) return held.token;
          let running = refreshing.get(userId);
          if (!running) {
            running = refresh(userId, http).finally(() => refreshing.delete(userId));
            refreshing.set(userId, running);
          }
          return running;
        },
      };
    },
  };
}

export type StoredTokens = ReturnType<typeof createStoredTokens>;
