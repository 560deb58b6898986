import type { CoreEvent } from '../shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { createPasswordHasher } from './accounts/password-hasher';
import { appHandlers } from './app/handlers';
import { chatHandlers } from './chat/handlers';
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

export interface Core {
  invoke: Invoke;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** For tests and tools that need to look beneath the contract. */
  readonly db: Db;
  readonly session: Session;
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
  };
}

/** Wire the services over an already-open database (a test's shared PGlite, or PostgreSQL). */
export function createCoreOnDatabase(database: OpenedDatabase, options: CoreOptions): Core {
  const session = new Session();
  const events = new EventHub();
  const deps: CoreDeps = {
    db: database.db,
    session,
    events,
    appVersion: options.appVersion,
    passwords: createPasswordHasher(options.bcryptCost),
    avatars: createAvatarStore(path.join(options.dataDir, 'avatars')),
    attachments: createAttachmentStore(path.join(options.dataDir, 'attachments')),
    now: options.now ?? (() => new Date()),
  };
  return {
    invoke: createDispatcher(createHandlers(deps), options.logger ?? consoleLogger, session),
    subscribe: (listener) => events.subscribe(listener),
    db: database.db,
    session,
    close: () => database.close(),
  };
}

export interface LocalCoreOptions extends CoreOptions {
  /** The app's data directory; the database lives in `<dataDir>/db`, avatars in `<dataDir>/avatars`. */
  migrationsFolder: string;
  /** Folder of content packs installed on start when new or changed. */
  contentDir?: string | null;
  /** Pre-migrated database directory that makes a first start fast (see scripts/build-db-template.ts). */
  templatePath?: string | null;
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
    const core = createCoreOnDatabase(database, options);
    const opened = database;
    return {
      ...core,
      close: async () => {
        try {
          await opened.close();
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
