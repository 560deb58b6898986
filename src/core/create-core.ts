import type { CoreEvent } from '../shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { createPasswordHasher } from './accounts/password-hasher';
import { appHandlers } from './app/handlers';
import { chatHandlers } from './chat/handlers';
import { aiHandlers } from './ai/handlers';
import { createReplyRunner } from './ai/reply-runner';
import { createFileSecretBox } from './ai/secret-box';
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
import type { CoreDeps, Handlers } from './handlers';
import { preferencesHandlers } from './preferences/handlers';
import { createAvatarStore } from './profile/avatar-store';
import { profileHandlers } from './profile/handlers';
import { progressHandlers } from './progress/handlers';
import { Session } from './session/session';
import { teacherHandlers } from './teacher/handlers';
import path from 'node:path';
import type { ReplyRunner } from './ai/reply-runner';

export interface Core {
  invoke: Invoke;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** For tests and tools that need to look beneath the contract. */
  readonly db: Db;
  readonly session: Session;
  readonly replies: ReplyRunner;
  close(): Promise<void>;
}

export interface CoreOptions {
  appVersion: string;
  /** Where files that are not database rows live (avatars). */
  dataDir: string;
  /** bcrypt cost; only tests lower it, for speed. */
  bcryptCost?: number;
  logger?: DispatchLogger;
  now?: () => Date;
  /** The device's time zone; tests fix it. */
  timeZone?: () => string;
  /** Tests swap in teachers that talk to their own servers. */
  teachers?: TeacherFactory;
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
    ...chatHandlers(deps),
    ...aiHandlers(deps),
    ...motivationHandlers(deps),
  };
}

/** Wire the services over an already-open database (a test's shared PGlite, or PostgreSQL). */
export function createCoreOnDatabase(database: OpenedDatabase, options: CoreOptions): Core {
  const session = new Session();
  const events = new EventHub();
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? systemTimeZone;
  const secrets = createFileSecretBox(path.join(options.dataDir, 'secret.key'));
  const teachers = options.teachers ?? defaultTeachers(database.db);
  const replies = createReplyRunner({ db: database.db, events, secrets, teachers, now, timeZone, logError: (m, d) => logger.error(m, d as Record<string, unknown> | undefined) });
  const deps: CoreDeps = {
    db: database.db,
    session,
    events,
    appVersion: options.appVersion,
    passwords: createPasswordHasher(options.bcryptCost),
    avatars: createAvatarStore(path.join(options.dataDir, 'avatars')),
    attachments: createAttachmentStore(path.join(options.dataDir, 'attachments')),
    now,
    timeZone,
    secrets,
    teachers,
    replies,
  };
  return {
    invoke: createDispatcher(createHandlers(deps), logger, session),
    subscribe: (listener) => events.subscribe(listener),
    db: database.db,
    session,
    replies,
    close: async () => {
      await replies.close();
      await database.close();
    },
  };
}

export interface LocalCoreOptions extends CoreOptions {
  /** The app's data directory; the database lives in `<dataDir>/db`, avatars in `<dataDir>/avatars`. */
  migrationsFolder: string;
  /** Folder of content packs installed on start when new or changed. */
  contentDir?: string | null;
  /** Pre-migrated database directory that makes a first start fast (see scripts/build-db-template.ts). */
  templatePath?: string | null;
  /** The achievements catalogue, installed (upserted by name) on every start. */
  achievementsFile?: string | null;
}

/** The desktop app's and browser mode's core: PGlite in the data directory, migrated, with starter content. */
export async function createLocalCore(options: LocalCoreOptions): Promise<Core> {
  const lock = acquireDataDirLock(options.dataDir);
  let database: OpenedDatabase | undefined;
  try {
    database = await openPglite({
      dataDir: `${options.dataDir}/db`,
      migrationsFolder: options.migrationsFolder,
      templatePath: options.templatePath ?? null,
    });
    const logger = options.logger ?? consoleLogger;
    if (options.contentDir) {
      await installPackDirectory(database.db, options.contentDir, (error) => logger.error('invalid content pack', { pack: error.message }));
    }
    if (options.achievementsFile) await installAchievements(database.db, loadAchievementCatalogue(options.achievementsFile));
    const core = createCoreOnDatabase(database, options);
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
