import type { CoreEvent } from '../shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { createPasswordHasher } from './accounts/password-hasher';
import { appHandlers } from './app/handlers';
import { chatHandlers } from './chat/handlers';
import { computerName } from './sync/device-name';
import { aiHandlers } from './ai/handlers';
import { embeddedModelHandlers } from './ai/embedded/handlers';
import { createReplyRunner } from './ai/reply-runner';
import { createFileSecretBox } from './ai/secret-box';
import { createEmbeddedEngine } from './ai/embedded/embedded-engine';
import { defaultTeachers, type TeacherFactory } from './ai/teachers';
import { motivationHandlers } from './motivation/handlers';
import { installAchievements, loadAchievementCatalogue } from './motivation/achievement-catalogue';
import { systemTimeZone } from './motivation/local-day';
import { installPackDirectory } from './content/load-packs';
import { lessonsHandlers } from './lessons/handlers';
import { contentHandlers } from './content/handlers';
import { examsHandlers } from './exams/handlers';
import { plansHandlers } from './plans/handlers';
import { createAttachmentStore } from './lessons/attachment-store';
import { coursesHandlers } from './courses/handlers';
import { acquireDataDirLock } from './db/data-dir-lock';
import { openPglite } from './db/open-pglite';
import type { Db, OpenedDatabase } from './db/types';
import { createDispatcher, type DispatchLogger, type Invoke } from './dispatch';
import { EventHub } from './events/event-hub';
import { Fanout } from './events/fanout';
import { createMutationRunner } from './mutations/run-mutation';
import type { ChooseFile, CoreDeps, Handlers } from './handlers';
import { preferencesHandlers } from './preferences/handlers';
import { createAvatarStore } from './profile/avatar-store';
import { profileHandlers } from './profile/handlers';
import { progressHandlers } from './progress/handlers';
import { reviewHandlers } from './review/handlers';
import { Session } from './session/session';
import { teacherHandlers } from './teacher/handlers';
import path from 'node:path';
import type { ReplyRunner } from './ai/reply-runner';
import { describeSchoolProblems, NO_SCHOOL_CONFIG, type LoadedSchoolConfig } from './school/load-school-config';
import { createSchoolPolicy } from './school/school-policy';
import { schoolHandlers } from './school/handlers';
import { backupsHandlers } from './backups/handlers';
import { localBackups, type BackupsService, type RestoreBackup } from './backups/backup-service';
import { createSyncEngine, type SyncEngine, type SyncTimers } from './sync/sync-engine';
import { syncHandlers } from './sync/handlers';
import { diagnosticsHandlers } from './diagnostics/handlers';
import { exportDiagnostics } from './diagnostics/export-diagnostics';
import { schemaVersionOf } from './db/schema-version';
import type { FetchLike } from './sync/sync-http';
import os from 'node:os';
import { systemClock, type Clock } from './clock';

export interface Core {
  invoke: Invoke;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** For tests and tools that need to look beneath the contract. */
  readonly db: Db;
  readonly session: Session;
  readonly replies: ReplyRunner;
  readonly sync: SyncEngine;
  /** Backups of the local database; null over a database that is not the app's own PGlite. */
  readonly backups: BackupsService | null;
  close(): Promise<void>;
}

export interface CoreOptions {
  appVersion: string;
  /** Where files that are not database rows live (avatars). */
  dataDir: string;
  /** bcrypt cost; only tests lower it, for speed. */
  bcryptCost?: number;
  logger?: DispatchLogger;
  now?: Clock;
  /** The device's time zone; tests fix it. */
  timeZone?: () => string;
  /** Tests swap in teachers that talk to their own servers. */
  teachers?: TeacherFactory;
  /** Where the embedded model's worker script is (the desktop app: next to the main bundle); absent: no embedded model. */
  embeddedWorker?: { file: string; bootstrap?: (file: string) => string };
  /** The desktop app's open-file dialog (Electron's, from the main process); absent in browser mode. */
  chooseFile?: ChooseFile;
  /** The school-wide configuration found on this computer (`loadSchoolConfig`); absent: none. */
  school?: LoadedSchoolConfig | null;
  /** Backups of the local PGlite database (`createLocalCore` sets it). */
  backupService?: BackupsService | null;
  /** The network of the sync client; tests put a fake server (and faults) here. */
  syncFetch?: FetchLike;
  /** When background syncs fire; fault tests hold them and sync only when they say. */
  syncTimers?: SyncTimers;
  /** How this computer is listed among a student's devices on the server (default: its host name). */
  deviceName?: string;
  /** Migrations this build has (`createLocalCore` counts `drizzle/`); counted from the database when absent. */
  schemaVersion?: number;
}

const consoleLogger: DispatchLogger = { error: (message, data) => console.error(`[core] ${message}`, data ?? '') };

export function createHandlers(deps: CoreDeps): Handlers {
  return {
    ...accountsHandlers(deps),
    ...preferencesHandlers(deps),
    ...profileHandlers(deps),
    ...teacherHandlers(deps),
    ...appHandlers(deps),
    ...coursesHandlers(deps),
    ...lessonsHandlers(deps),
    ...contentHandlers(deps),
    ...examsHandlers(deps),
    ...plansHandlers(deps),
    ...progressHandlers(deps),
    ...reviewHandlers(deps),
    ...chatHandlers(deps),
    ...aiHandlers(deps),
    ...embeddedModelHandlers(deps),
    ...motivationHandlers(deps),
    ...schoolHandlers(deps),
    ...backupsHandlers(deps),
    ...syncHandlers(deps),
    ...diagnosticsHandlers(deps),
  };
}

/** Wire the services over an already-open database (a test's shared PGlite, or PostgreSQL). */
export function createCoreOnDatabase(database: OpenedDatabase, options: CoreOptions): Core {
  const session = new Session();
  const events = new EventHub();
  const outboxCommits = new Fanout<string>();
  const mutations = createMutationRunner({ db: database.db, events, outboxCommits });
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? systemClock;
  const timeZone = options.timeZone ?? systemTimeZone;
  const secrets = createFileSecretBox(path.join(options.dataDir, 'secret.key'));
  const engine = options.embeddedWorker ? createEmbeddedEngine({ workerFile: options.embeddedWorker.file, bootstrap: options.embeddedWorker.bootstrap }) : null;
  const teachers = options.teachers ?? defaultTeachers(database.db, engine ?? undefined);
  const school = createSchoolPolicy(options.school);
  const replies = createReplyRunner({ db: database.db, events, mutations, secrets, teachers, school, now, timeZone, logError: (m, d) => logger.error(m, d as Record<string, unknown> | undefined) });
  const passwords = createPasswordHasher(options.bcryptCost);
  const sync = createSyncEngine({
    db: database.db,
    events,
    outboxCommits,
    session,
    secrets,
    passwords,
    school,
    fetch: options.syncFetch,
    ...(options.syncTimers ? { timers: options.syncTimers } : {}),
    now,
    timeZone,
    schemaVersion: options.schemaVersion ?? null,
    deviceName: options.deviceName ?? computerName(os.hostname(), os.platform()),
    newAccountPreferences: () => school.newAccountPreferences(),
    log: (message, data) => logger.error(message, data),
  });
  const deps: CoreDeps = {
    db: database.db,
    logger,
    session,
    events,
    mutations,
    appVersion: options.appVersion,
    passwords,
    avatars: createAvatarStore(path.join(options.dataDir, 'avatars')),
    attachments: createAttachmentStore(path.join(options.dataDir, 'attachments')),
    now,
    timeZone,
    secrets,
    teachers,
    embedded: engine,
    ...(options.chooseFile ? { chooseFile: options.chooseFile } : {}),
    replies,
    school,
    backups: options.backupService ?? null,
    sync,
    diagnostics: {
      export: () =>
        exportDiagnostics({ db: database.db, dataDir: options.dataDir, appVersion: options.appVersion, schemaVersion: options.schemaVersion ?? null, now }),
    },
  };
  const dispatch = createDispatcher(createHandlers(deps), logger, session);
  return {
    // Every change a student makes reaches the sync engine as its committed outbox row (`outboxCommits`).
    invoke: dispatch,
    subscribe: (listener) => events.subscribe(listener),
    db: database.db,
    session,
    replies,
    sync,
    backups: options.backupService ?? null,
    close: async () => {
      // Quitting (desktop or browser mode): the signed-in student's last changes go first, within the bound.
      const userId = session.currentUserId;
      if (userId) await sync.sendBeforeLeaving(userId).catch(() => undefined);
      await sync.close();
      await replies.close();
      await engine?.close();
      await database.close();
    },
  };
}

export interface LocalCoreOptions extends CoreOptions {
  /** The app's data directory; the database lives in `<dataDir>/db`, avatars in `<dataDir>/avatars`. */
  migrationsFolder: string;
  /** Folder of content packs installed on start when new or changed. */
  contentDir?: string | null;
  /** The database template archive that makes a first start fast (src/core/db/db-template.ts, scripts/build-db-template.ts). */
  templatePath?: string | null;
  /** The achievements catalogue, installed (upserted by name) on every start. */
  achievementsFile?: string | null;
  /** How many backups to keep in `<dataDir>/backups` (7). */
  keepBackups?: number;
  /** The app shell's way to restore a backup (it reopens the core); see `openLocalApp`. */
  restoreBackup?: RestoreBackup | null;
  /** The caller already holds the data directory's lock (`openLocalApp`, across restores). */
  dataDirLockHeld?: boolean;
}

/**
 * The school's content packs (`contentPacksDir`), installed like the starter content: on every start,
 * those new or changed. A broken pack is skipped and becomes one of the configuration's problems.
 */
async function installSchoolPacks(db: Db, school: LoadedSchoolConfig, now: Clock): Promise<LoadedSchoolConfig> {
  const dir = school.config?.contentPacksDir;
  if (!dir) return school;
  const problems = [...school.problems];
  await installPackDirectory(db, dir, {
    publisher: 'school',
    now,
    onInvalid: (error) => {
      problems.push({ file: error.file, field: 'contentPacksDir', message: `content pack skipped: ${error.reasons.join('; ')}`.slice(0, 1000) });
    },
  });
  return { ...school, problems };
}

/** The desktop app's and browser mode's core: PGlite in the data directory, migrated, with starter content. */
export async function createLocalCore(options: LocalCoreOptions): Promise<Core> {
  const lock = options.dataDirLockHeld ? { release: () => {} } : acquireDataDirLock(options.dataDir);
  let database: OpenedDatabase | undefined;
  try {
    const logger = options.logger ?? consoleLogger;
    const backups = localBackups({ ...options, logger });
    const opened = await openPglite({
      dataDir: `${options.dataDir}/db`,
      migrationsFolder: options.migrationsFolder,
      templatePath: options.templatePath ?? null,
      beforeMigrate: backups.beforeMigrate,
      logger,
    });
    database = opened;
    const now = options.now ?? systemClock;
    if (options.contentDir) {
      await installPackDirectory(database.db, options.contentDir, {
        publisher: 'starter',
        now,
        onInvalid: (error) => logger.error('invalid content pack', { pack: error.message }),
      });
    }
    if (options.achievementsFile) await installAchievements(database.db, loadAchievementCatalogue(options.achievementsFile));
    const school = await installSchoolPacks(database.db, options.school ?? NO_SCHOOL_CONFIG, now);
    for (const line of describeSchoolProblems(school)) logger.error(line);
    const core = createCoreOnDatabase(database, {
      ...options,
      school,
      backupService: backups.serviceFor(opened.client),
      schemaVersion: options.schemaVersion ?? schemaVersionOf(options.migrationsFolder),
    });
    await core.replies.recoverDrafts();
    return {
      ...core,
      close: async () => {
        try {
          await core.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    await database?.close();
    lock.release();
    throw error;
  }
}
