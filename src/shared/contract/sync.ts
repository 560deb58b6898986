import { z } from 'zod';
import { sessionUserSchema } from './accounts';
import { command, query } from './define';
import { noInput, uuidSchema } from './common';

/**
 * Where the signed-in student's sync stands (docs/sync.md: offline / queued N / syncing / synced at
 * HH:MM / error + why). `unlinked`: the account lives on this computer only.
 */
export const SYNC_STATES = ['unlinked', 'offline', 'queued', 'syncing', 'synced', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/**
 * Why syncing or linking did not work. Each is an issue (`path: 'sync'`) of the AppError the core
 * answers with, and the `reason` of a `sync.status` in state `error`/`offline`; the renderer turns each
 * into a sentence in the student's language.
 */
export const SYNC_FAILURES = [
  /** No answer from the server (no network, wrong address, timeout). */
  'server_unreachable',
  /** The password typed does not match (this computer's account, or the server's). */
  'wrong_password',
  /** Too many attempts: `retryAfterSeconds` says how long to wait. */
  'rate_limited',
  /** The server already has an account with this email or username. */
  'account_exists',
  /** This computer already has another account with that login (sign in to it and link it instead). */
  'local_account_exists',
  /** This device was disconnected from the account (from another device). */
  'device_revoked',
  /** The server no longer accepts this computer's sign-in: type the password again. */
  'sign_in_again',
  /** The server lost changes it had already accepted from this computer: nothing was dropped here. */
  'gap',
  /** The server runs another version of the data format: one side needs an update. */
  'update_required',
  'server_error',
  /** The address answers, but not as a Teacher AI server. */
  'invalid_response',
  /** The account is not linked to a server. */
  'not_linked',
  /** The account is already linked; unlink it first to link another way. */
  'already_linked',
  /** Something went wrong on this computer while applying what the server sent. */
  'internal',
] as const;
export type SyncFailure = (typeof SYNC_FAILURES)[number];

/** An issue message on an AppError's `sync` path. */
export const SYNC_ISSUE_PATH = 'sync';

export const serverUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'server_url_invalid' },
  );

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** Changes of this student waiting to be sent. */
  pending: z.number().int().min(0),
  /** The last successful sync (ISO), or null. */
  lastSyncedAt: z.string().nullable(),
  reason: z.enum(SYNC_FAILURES).nullable(),
  /** The linked server; null when not linked. */
  serverUrl: z.string().nullable(),
  /** This computer's id on the server (marks «это устройство» in the device list). */
  deviceId: uuidSchema.nullable(),
});

/**
 * Why the server recorded a pushed change as never applicable: `not_on_server` — the course or lesson
 * it is about exists only on this computer (added here from a file); `not_allowed` — the account may
 * not do it; `invalid` — the server's rules refuse it; `other` — anything else (its words are kept).
 */
export const SYNC_REJECTION_REASONS = ['not_on_server', 'not_allowed', 'invalid', 'other'] as const;
export type SyncRejectionReason = (typeof SYNC_REJECTION_REASONS)[number];

/** What a rejected change was about, for the sentence that describes it. */
export const SYNC_REJECTION_SUBJECTS = ['course', 'lesson', 'chat', 'other'] as const;

export const syncRejectionSchema = z.object({
  id: z.number().int(),
  subject: z.enum(SYNC_REJECTION_SUBJECTS),
  /** The course's or lesson's title on this computer, when it is about one. */
  title: z.string().nullable(),
  reason: z.enum(SYNC_REJECTION_REASONS),
  /** The server's own words (English), for whoever helps the student. */
  serverMessage: z.string(),
  rejectedAt: z.string(),
});
export type SyncRejection = z.infer<typeof syncRejectionSchema>;

export const syncDeviceSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.string().nullable(),
  /** This computer. */
  current: z.boolean(),
});

/**
 * Servers whose accounts may have rights on this computer (a teacher's, an admin's): the school
 * configuration's, and those an admin of this computer trusts. Accounts of any other server are students here.
 */
export const serverTrustSchema = z.object({
  schoolServerUrl: z.string().nullable(),
  trusted: z.array(z.string()),
});

const loginSchema = z.string().trim().toLowerCase().min(1).max(255);
const typedPassword = z.string().min(1).max(1000);

export const syncContract = {
  'sync.status': query(noInput, syncStatusSchema),
  /** Sync now (joins a sync already running) and answer where it stands afterwards. */
  'sync.now': command(noInput, syncStatusSchema),
  /** Create this account on the server (same id, email, username, name) and link it; the password is this account's. */
  'sync.linkRegister': command(z.object({ serverUrl: serverUrlSchema, password: typedPassword }).strict(), syncStatusSchema),
  /**
   * Link this account to an existing account on the server. When the server's account is another one
   * (made on another computer first), this account's changes are sent to it and it replaces this one here.
   */
  'sync.linkSignIn': command(
    z.object({ serverUrl: serverUrlSchema, login: loginSchema, password: typedPassword }).strict(),
    z.object({ user: sessionUserSchema, status: syncStatusSchema }),
  ),
  /** The sign-in screen of a computer that does not have the account yet: fetch it from the server and sign in. */
  'sync.signInFromServer': command(
    z.object({ serverUrl: serverUrlSchema, login: loginSchema, password: typedPassword }).strict(),
    sessionUserSchema,
    'public',
  ),
  'sync.serverTrust': query(noInput, serverTrustSchema, 'admin'),
  /** An admin trusts a server (its teachers and admins are teachers and admins here too), or no longer does. */
  'sync.setServerTrust': command(z.object({ serverUrl: serverUrlSchema, trusted: z.boolean() }).strict(), serverTrustSchema, 'admin'),
  /** Forget the link (the data stays on this computer). */
  'sync.unlink': command(noInput, syncStatusSchema),
  /** Changes of the signed-in student the server refused for good, newest first, until they are dismissed. */
  'sync.rejections': query(noInput, z.array(syncRejectionSchema)),
  /** «Понятно»: the student has read them; what is left (nothing). */
  'sync.dismissRejections': command(noInput, z.array(syncRejectionSchema)),
  'sync.devices': query(noInput, z.object({ devices: z.array(syncDeviceSchema) })),
  'sync.revokeDevice': command(z.object({ deviceId: uuidSchema }).strict(), z.object({ devices: z.array(syncDeviceSchema) })),
  /** A name the student gives one of their devices, kept on the server for all of them. */
  'sync.renameDevice': command(
    z.object({ deviceId: uuidSchema, name: z.string().trim().min(1).max(100) }).strict(),
    z.object({ devices: z.array(syncDeviceSchema) }),
  ),
};

export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type SyncDevice = z.infer<typeof syncDeviceSchema>;
export type ServerTrustView = z.infer<typeof serverTrustSchema>;
