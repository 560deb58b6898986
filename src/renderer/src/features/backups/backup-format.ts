import type { BackupReason } from '../../../../shared/contract';
import type { TextKey } from '../../i18n';

export const backupReasonKey = (reason: BackupReason): TextKey => `backups.reason.${reason}`;

/** «25 ноября 2026 г. в 20:40» in the interface's locale and the computer's time zone. */
export function formatBackupDate(createdAt: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(createdAt),
  );
}

/** Megabytes with one decimal (at least 0.1: a backup is never «0 MB»). */
export const megabytes = (bytes: number): number => Math.max(0.1, Math.round((bytes / 1024 / 1024) * 10) / 10);
