import { sql } from 'drizzle-orm';
import type { Db } from '../../src/core/db/types';
import type { LoadedSchoolConfig } from '../../src/core/school/load-school-config';
import { TRUSTED_SERVERS_SETTING, type TrustSource } from '../../src/core/sync/trusted-server';
import { schoolConfigSchema } from '../../src/shared/school-config';

/** A school configuration naming this sync server (what a school deploys): the computer trusts it. */
export function schoolWithServer(serverUrl: string): LoadedSchoolConfig & TrustSource {
  return { source: '/etc/teacher-ai/teacher-ai.school.json', searched: [], config: schoolConfigSchema.parse({ version: 1, syncServerUrl: serverUrl }), problems: [] };
}

/** No school configuration: only a server an admin trusted is trusted. */
export const NO_SCHOOL: TrustSource = { config: null };

/** What an admin's «trust this server» leaves behind on the computer. */
export async function trustServer(db: Db, serverUrl: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO local_settings (key, value) VALUES (${TRUSTED_SERVERS_SETTING}, ${JSON.stringify([serverUrl])}::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = local_settings.value || excluded.value`);
}
