import type { LoadedSchoolConfig } from './load-school-config';

/** What the desktop app's updater gets: the school's `updates`, and never in an unpackaged (development) app. */
export function schoolUpdateSettings(school: LoadedSchoolConfig, packaged: boolean): { enabled: boolean; url: string | null; channel?: string } {
  const updates = school.config?.updates;
  return {
    enabled: packaged && (updates?.enabled ?? true),
    url: updates?.url ?? null,
    ...(updates?.channel ? { channel: updates.channel } : {}),
  };
}
