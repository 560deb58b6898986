import { countAccounts } from '../accounts/accounts-service';
import { AppError } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { DEFAULT_BACKUPS_KEPT } from './backup-store';

type BackupMethods = 'backups.list' | 'backups.create' | 'backups.restore' | 'recovery.status' | 'recovery.restore' | 'recovery.retry';

/**
 * Who may make and restore backups: restoring rolls back every account on the computer, so an admin of
 * the computer may — and, on a computer with a single account (a student's own laptop), that account,
 * because the only data it rolls back is their own. Other students and teachers on a shared computer
 * may not.
 */
export async function mayManageBackups({ db, session }: Pick<CoreDeps, 'db' | 'session'>): Promise<boolean> {
  const user = session.current;
  if (!user) return false;
  if (user.role === 'admin') return true;
  return (await countAccounts(db)) === 1;
}

export const backupsHandlers = (deps: CoreDeps): HandlerGroup<BackupMethods> => {
  const managed = async () => {
    if (!deps.backups) throw new AppError('unavailable', 'Backups exist only for the app’s own local database');
    if (!(await mayManageBackups(deps))) {
      throw new AppError('forbidden', 'Only an admin of this computer (or the only account on it) may manage backups');
    }
    return deps.backups;
  };
  return {
    'backups.list': async () => {
      if (!deps.backups) return { available: false, canManage: false, keep: DEFAULT_BACKUPS_KEPT, backups: [] };
      const canManage = await mayManageBackups(deps);
      return { available: true, canManage, keep: deps.backups.keep, backups: canManage ? deps.backups.list() : [] };
    },
    'backups.create': async () => (await managed()).create('manual'),
    'backups.restore': async ({ id }) => ({ restored: await (await managed()).restore(id) }),
    // The database is open: there is nothing to recover (the recovery core answers these otherwise).
    'recovery.status': async () => ({ active: false }),
    'recovery.restore': async () => {
      throw new AppError('conflict', 'The database is working: restore a backup from Settings instead');
    },
    'recovery.retry': async () => ({ active: false }),
  };
};
