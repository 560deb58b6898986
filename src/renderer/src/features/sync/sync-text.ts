import { SYNC_FAILURES, SYNC_ISSUE_PATH, type SyncFailure, type SyncStatus } from '../../../../shared/contract/sync';
import { errorKey, localeOf, type Language, type TextKey, type Translate } from '../../i18n';
import type { ApiError } from '../../lib/api-error';

/**
 * Sync as words: one place for the header's chip, the settings and the sign-in screen. The template
 * types make a reason without a message (in ru.ts, and so in en.ts) a compile error.
 */

/** The full sentence of a failure: what happened and what to do. */
export const syncFailureKey = (reason: SyncFailure): TextKey => `sync.failure.${reason}`;
/** A few words of a failure, for the header's chip («Ошибка: нужно войти снова»). */
export const syncReasonKey = (reason: SyncFailure): TextKey => `sync.reason.${reason}`;

/** The sync reason the core put on a failed call, if it is one of the engine's. */
export function syncFailureOf(error: ApiError | null): SyncFailure | null {
  const message = error?.issues.find((issue) => issue.path === SYNC_ISSUE_PATH)?.message;
  return message && (SYNC_FAILURES as readonly string[]).includes(message) ? (message as SyncFailure) : null;
}

/** Why a sync call failed, as a sentence; a rate limit counts down `secondsLeft`. */
export function syncErrorText(t: Translate, error: ApiError, secondsLeft = 0): string {
  const reason = syncFailureOf(error);
  if (reason === 'rate_limited') {
    return secondsLeft > 0 ? t('sync.failure.rate_limited', { seconds: secondsLeft }) : t('signIn.canRetry');
  }
  if (reason) return t(syncFailureKey(reason));
  if (error.issues.some((issue) => issue.message === 'locked_by_school')) return t('school.locked');
  return t(errorKey(error.code));
}

/** «18:05» today, «24 нояб., 18:05» on another day. */
export function formatSyncTime(iso: string, language: Language, now: Date = new Date()): { time: string; date: string | null } {
  const at = new Date(iso);
  const locale = localeOf(language);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  const sameDay = at.toDateString() === now.toDateString();
  return { time, date: sameDay ? null : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(at) };
}

/** What the header's chip says (docs/sync.md: offline / queued N / syncing / synced at HH:MM / error + why). */
export function syncChipText(t: Translate, status: SyncStatus, language: Language, now: Date = new Date()): string {
  switch (status.state) {
    case 'unlinked':
      return t('sync.chip.unlinked');
    case 'offline':
      // What waits is what the student may lose by closing this computer: say how much.
      return status.pending > 0 ? t('sync.chip.offlinePending', { count: status.pending }) : t('sync.chip.offline');
    case 'syncing':
      return t('sync.chip.syncing');
    case 'queued':
      return status.pending > 0 ? t('sync.chip.queued', { count: status.pending }) : t('sync.chip.waiting');
    case 'synced': {
      if (!status.lastSyncedAt) return t('sync.chip.waiting');
      const { time, date } = formatSyncTime(status.lastSyncedAt, language, now);
      return date ? t('sync.chip.syncedOn', { date, time }) : t('sync.chip.synced', { time });
    }
    case 'error':
      return t('sync.chip.error', { reason: t(syncReasonKey(status.reason ?? 'internal')) });
  }
}

/** The account waits for the student: sign in again (or link again) before anything syncs. */
export const needsSignIn = (status: SyncStatus): boolean =>
  status.state === 'error' && (status.reason === 'sign_in_again' || status.reason === 'device_revoked');
