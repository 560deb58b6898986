import type pg from 'pg';

/** The session setting 0007's triggers look at: only the server's connections record changes for devices. */
export const TRACK_CHANGES_OPTION = '-c teacher.track_changes=on';

/**
 * Connection settings that turn change tracking on for every connection of the pool, from its first
 * statement. A DATABASE_URL with its own `options` keeps them (node-postgres lets the URL's `options`
 * win over the pool's, so ours are appended to the URL's).
 */
export function trackingConnection(databaseUrl: string): { connectionString: string; pool: Partial<pg.PoolConfig> } {
  const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : null;
  const theirs = url?.searchParams.get('options');
  if (url && theirs) {
    url.searchParams.set('options', `${theirs} ${TRACK_CHANGES_OPTION}`);
    return { connectionString: url.toString(), pool: {} };
  }
  return { connectionString: databaseUrl, pool: { options: TRACK_CHANGES_OPTION } };
}

/** Refuse to start when the setting did not take: a server that records nothing would starve every device. */
export async function verifyTracking(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ value: string | null }>("SELECT current_setting('teacher.track_changes', true) AS value");
  if (rows[0]?.value !== 'on') throw new Error('Change tracking is off on the server connections (teacher.track_changes).');
}

/**
 * Every student request runs `SET LOCAL ROLE teacher_app` (row-level security). The migrations grant that
 * role to the role that ran them when they can; a deployment where they could not would fail every request,
 * so the server refuses to start instead and says what to do.
 */
export async function verifyAppRole(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ member: boolean | null; bypass: boolean | null }>(
    `SELECT pg_has_role(current_user, r.oid, 'MEMBER') AS member, r.rolbypassrls OR r.rolsuper AS bypass
     FROM pg_roles r WHERE r.rolname = 'teacher_app'`,
  );
  const role = rows[0];
  if (!role) throw new Error('The role teacher_app does not exist: the migrations could not create it (see README, "Running the central server").');
  if (!role.member) {
    throw new Error('The server’s database role is not a member of teacher_app: GRANT teacher_app TO <the server’s role> (see README).');
  }
  if (role.bypass) throw new Error('The role teacher_app must not be a superuser or bypass row-level security.');
}
