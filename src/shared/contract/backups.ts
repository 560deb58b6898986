import { z } from 'zod';
import { command, query } from './define';
import { noInput } from './common';

/** Why a backup was made: once a day, before a schema migration, on request, or of the database a restore replaced. */
export const BACKUP_REASONS = ['daily', 'migration', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * A backup's id is its file name without `.tar.gz`: the UTC time it was made (`:` written as `-`), its
 * reason and, when two share a second, a counter — `2026-11-25T17-40-00Z-daily`, `…-manual-2`.
 * The pattern is also what keeps an id from naming any other file.
 */
export const BACKUP_ID_PATTERN = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z-(${BACKUP_REASONS.join('|')})(?:-(\\d{1,4}))?$`,
);
export const backupIdSchema = z.string().max(60).regex(BACKUP_ID_PATTERN);

export const backupSchema = z.object({
  id: backupIdSchema,
  reason: z.enum(BACKUP_REASONS),
  createdAt: z.string(),
  sizeBytes: z.number().int().min(0),
  /** The app version that made it; null when its manifest is missing. */
  appVersion: z.string().nullable(),
  /** How many schema migrations its database had applied; null when unknown. */
  migrations: z.number().int().min(0).nullable(),
});

export const backupListSchema = z.object({
  /** False where the database is not a local PGlite data directory (nothing to back up). */
  available: z.boolean(),
  /**
   * Whether the signed-in account may make and restore backups: an admin of this computer, or the only
   * account on it (restoring rolls back every account of the computer). Others get an empty list.
   */
  canManage: z.boolean(),
  /** How many backups are kept; older ones are deleted. */
  keep: z.number().int().min(1),
  /** Newest first. */
  backups: z.array(backupSchema),
});

export const restoreResultSchema = z.object({ restored: backupSchema });

/** Why the database could not be opened at start. */
export const RECOVERY_REASONS = [
  /** PostgreSQL refused the data directory: damaged or unreadable files. */
  'database_damaged',
  /** The database opened but could not be updated to this version of the app. */
  'migration_failed',
  /** The backup that must precede a migration could not be written (disk full, no permission). */
  'backup_failed',
] as const;
export type RecoveryReason = (typeof RECOVERY_REASONS)[number];

export const recoveryStatusSchema = z.discriminatedUnion('active', [
  z.object({ active: z.literal(false) }),
  z.object({
    active: z.literal(true),
    reason: z.enum(RECOVERY_REASONS),
    /** PostgreSQL's or the migrator's own words (English), for the «Подробнее» part of the screen. */
    detail: z.string(),
    /** The app's data directory, so a person helping can find the files. */
    dataDir: z.string(),
    /** Newest first. */
    backups: z.array(backupSchema),
  }),
]);

export const backupsContract = {
  'backups.list': query(noInput, backupListSchema, 'user'),
  /** A backup now (reason `manual`). */
  'backups.create': command(noInput, backupSchema, 'user'),
  /**
   * Replaces the database of this computer with the backup (after backing up the current one as
   * `before-restore`). Everybody is signed out: the app starts afresh on the restored database.
   */
  'backups.restore': command(z.object({ id: backupIdSchema }).strict(), restoreResultSchema, 'user'),
  /** `active: true` only when the database could not be opened at start (the recovery screen). */
  'recovery.status': query(noInput, recoveryStatusSchema, 'public'),
  /**
   * Recovery mode only: restore a backup over the database that cannot be opened. Public, because
   * nobody can sign in without a database; the damaged directory is kept aside, not deleted.
   */
  'recovery.restore': command(z.object({ id: backupIdSchema }).strict(), restoreResultSchema, 'public'),
  /** Recovery mode only: try to open the database again (after freeing disk space, say). */
  'recovery.retry': command(noInput, recoveryStatusSchema, 'public'),
};

export type Backup = z.infer<typeof backupSchema>;
export type BackupList = z.infer<typeof backupListSchema>;
export type RecoveryStatus = z.infer<typeof recoveryStatusSchema>;
