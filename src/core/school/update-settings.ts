import { SCHOOL_CONFIG_ENV } from '../../shared/school-config';
import type { LoadedSchoolConfig } from './load-school-config';

/** What the desktop app's updater (src/main/updater.ts) gets. */
export interface AppUpdateSettings {
  enabled: boolean;
  /** An https:// folder with the update files; null = the feed built into the app (resources/app-update.yml). */
  url: string | null;
  channel?: string;
  /** Why updates are off, for the log. */
  reason?: string;
}

export interface UpdateBuild {
  /** A packaged app (never `npm start`). */
  packaged: boolean;
  /** The build was given an update server (`-c.publish.url=…`): electron-builder wrote resources/app-update.yml. */
  builtInFeed: boolean;
  /** The school configuration was the file named by TEACHER_AI_SCHOOL_CONFIG, which any user can set for themselves. */
  namedByEnvironment: boolean;
}

/**
 * Whether and where the packaged app looks for updates. Nothing is polled until an update server is
 * configured — at build time or by the machine-wide school configuration. An update feed decides what code
 * the app runs next, so a file a student can point the app at (the environment variable) never chooses it:
 * its `updates` section is ignored and said so in `refused`.
 */
export function schoolUpdateSettings(school: LoadedSchoolConfig, build: UpdateBuild): { settings: AppUpdateSettings; refused: string | null } {
  const off = (reason: string, refused: string | null = null) => ({ settings: { enabled: false, url: null, reason }, refused });
  if (!build.packaged) return off('not a packaged app');
  let updates = school.config?.updates;
  let refused: string | null = null;
  if (build.namedByEnvironment && updates && (updates.url !== null || !updates.enabled || updates.channel)) {
    refused = `the updates section of ${school.source ?? 'the school configuration'} is ignored: it was named by ${SCHOOL_CONFIG_ENV}, which any user can set, and only the machine-wide school configuration may choose the update server`;
    updates = undefined;
  }
  if (updates && !updates.enabled) return off('turned off by the school configuration', refused);
  const channel = updates?.channel ? { channel: updates.channel } : {};
  if (updates?.url) return { settings: { enabled: true, url: updates.url, ...channel }, refused };
  if (build.builtInFeed) return { settings: { enabled: true, url: null, ...channel }, refused };
  return off('no update server is configured (build with -c.publish.url=…, or set updates.url in the school configuration)', refused);
}
