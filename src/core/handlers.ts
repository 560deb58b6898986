import type { MethodName, MethodOutput, ParsedInput } from '../shared/contract';
import type { PasswordHasher } from './accounts/password-hasher';
import type { Db } from './db/types';
import type { DispatchLogger } from './dispatch';
import type { AvatarStore } from './profile/avatar-store';
import type { AttachmentStore } from './lessons/attachment-store';
import type { EventHub } from './events/event-hub';
import type { Session } from './session/session';
import type { SecretBox } from './ai/secret-box';
import type { TeacherFactory } from './ai/teachers';
import type { EmbeddedEngine } from './ai/embedded/embedded-engine';

/** An open-file dialog: the chosen file's path, or null when cancelled. */
export type ChooseFile = (request: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>;
import type { ReplyRunner } from './ai/reply-runner';
import type { SchoolPolicy } from './school/school-policy';
import type { BackupsService } from './backups/backup-service';
import type { SyncEngine } from './sync/sync-engine';
import type { DiagnosticsFile } from './diagnostics/export-diagnostics';
import type { MutationRunner } from './mutations/run-mutation';

/** What every feature's handlers get from `create-core`. */
export interface CoreDeps {
  db: Db;
  /** The diagnostics log (src/core/diagnostics/logger.ts): what support reads when something went wrong. */
  logger: DispatchLogger;
  session: Session;
  events: EventHub;
  /** Every synced change goes through it: applied, recorded in the outbox, announced after commit. */
  mutations: MutationRunner;
  appVersion: string;
  passwords: PasswordHasher;
  avatars: AvatarStore;
  attachments: AttachmentStore;
  /** The clock, injectable so tests control time. */
  now: () => Date;
  /** The device's IANA time zone now: it fixes the local day of everything the student does. */
  timeZone: () => string;
  /** Encrypts API keys at rest. */
  secrets: SecretBox;
  teachers: TeacherFactory;
  /** The embedded model's engine (one for the app); null where no worker is wired. */
  embedded: EmbeddedEngine | null;
  /**
   * The host's open-file dialog (the desktop app's main process); absent in a browser, which cannot give
   * a path. The core never imports Electron: the host passes this in.
   */
  chooseFile?: ChooseFile;
  /** The AI teacher's replies in progress. */
  replies: ReplyRunner;
  /** The school's rules for this computer (README: "School-wide configuration"). */
  school: SchoolPolicy;
  /** Backups of the local PGlite database; absent over any other database. */
  backups?: BackupsService | null;
  /** Sync with the central server: linking accounts, scheduling, status. */
  sync: SyncEngine;
  /** «Export diagnostics»: one redacted report file (src/core/diagnostics). */
  diagnostics: { export(): Promise<DiagnosticsFile> };
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };
