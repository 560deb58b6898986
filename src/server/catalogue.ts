import fs from 'node:fs';
import type { Clock } from '../core/clock';
import { installPackDirectory } from '../core/content/load-packs';
import type { Db } from '../core/db/types';
import { installAchievements, loadAchievementCatalogue } from '../core/motivation/achievement-catalogue';
import type { Logger } from './logger';

export interface CatalogueSources {
  /** Folder of course content packs (`resources/content` unless CONTENT_DIR says otherwise). */
  contentDir: string;
  /** The achievements catalogue file. */
  achievementsFile: string;
  now: Clock;
}

/**
 * The shared catalogue, installed like the app does on every start: packs new or changed since the last
 * start, achievements upserted by name. The server's connections track changes, so devices receive
 * every course, lesson and achievement by their next pull. Called under the migration lock: two
 * instances starting together install once, one after the other.
 */
export async function installCatalogue(db: Db, sources: CatalogueSources, log: Logger): Promise<void> {
  if (!fs.existsSync(sources.contentDir)) log.warn('content folder not found; no course packs installed', { contentDir: sources.contentDir });
  const { installed } = await installPackDirectory(db, sources.contentDir, {
    publisher: 'starter',
    now: sources.now,
    onInvalid: (error) => log.error('invalid content pack skipped', { file: error.file, reasons: error.reasons }),
  });
  await installAchievements(db, loadAchievementCatalogue(sources.achievementsFile));
  log.info('catalogue installed', { packsInstalled: installed });
}
