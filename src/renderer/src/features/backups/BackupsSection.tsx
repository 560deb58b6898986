import { useRef, useState } from 'react';
import type { Backup } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { BackupsTable } from './BackupsTable';
import { RestoreDialog } from './RestoreDialog';
import { useReturnFocus } from '../../lib/focus';

/**
 * Settings → «Резервные копии»: for an admin of the computer, or the only account on it (the core
 * decides, `canManage`); nobody else sees the section.
 */
export function BackupsSection() {
  const t = useT();
  const list = useCall('backups.list', undefined);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [made, setMade] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  useReturnFocus(restoring !== null, opener);
  const create = useAction(async () => {
    setMade(false);
    await api.call('backups.create');
    setMade(true);
    list.refresh();
  });

  if (list.error) {
    return (
      <div className="card settings-group">
        <ErrorState title={t('backups.loadError')} error={list.error} onRetry={list.reload} />
      </div>
    );
  }
  const data = list.data;
  if (!data || !data.available || !data.canManage) return null;
  return (
    <div className="card settings-group" data-testid="settings-backups">
      <h2 className="section-title">{t('backups.title')}</h2>
      <p className="setting__hint">{t('backups.intro', { keep: data.keep })}</p>
      <div className="setting">
        <button type="button" className="button" onClick={() => void create.run()} disabled={create.pending} aria-busy={create.pending} data-testid="backup-create">
          {create.pending ? t('backups.creating') : t('backups.create')}
        </button>
        {made && !create.pending && (
          <p className="form-success" role="status" data-testid="backup-created">
            {t('backups.created')}
          </p>
        )}
        {create.error && (
          <p className="form-error" role="alert">
            {t('backups.createError')} {t(errorKey(create.error.code))}
          </p>
        )}
      </div>
      {data.backups.length > 0 ? (
        <BackupsTable
          backups={data.backups}
          disabled={create.pending}
          onRestore={(backup) => {
            opener.current = document.activeElement as HTMLElement | null;
            setRestoring(backup);
          }}
        />
      ) : (
        <p className="muted" data-testid="backups-empty">
          {t('backups.empty')}
        </p>
      )}
      {restoring && (
        <RestoreDialog
          backup={restoring}
          restore={(id) => api.call('backups.restore', { id })}
          onClose={() => setRestoring(null)}
        />
      )}
    </div>
  );
}
