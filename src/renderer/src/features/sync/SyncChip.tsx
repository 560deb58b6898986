import { useEffect } from 'react';
import { hrefFor } from '../../app/routes';
import { useLanguage, useT } from '../../i18n';
import { useCoreEvent } from '../../lib/use-core-event';
import { useSyncStatus } from './sync-store';
import { syncChipText } from './sync-text';
import './sync.css';

/**
 * Where the signed-in student's sync stands, always in the header, with «Синхронизировать». Not linked:
 * a quiet «Только на этом компьютере» that leads to the settings where linking is.
 */
export function SyncChip() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const status = useSyncStatus((state) => state.status);
  const syncing = useSyncStatus((state) => state.syncing);
  useSyncStatusFeed();
  if (!status) return null;
  const text = syncChipText(t, status, language);
  if (status.state === 'unlinked') {
    return (
      <a className="sync-chip sync-chip--unlinked" href={hrefFor({ name: 'settings' })} data-testid="sync-chip" data-state="unlinked">
        {text}
      </a>
    );
  }
  const busy = syncing || status.state === 'syncing';
  return (
    <div className={`sync-chip sync-chip--${status.state}`} role="group" aria-label={t('sync.chip.label')} data-testid="sync-chip" data-state={status.state}>
      <span className="sync-chip__dot" aria-hidden="true" />
      <a className="sync-chip__text" href={hrefFor({ name: 'settings' })} data-testid="sync-chip-text" data-pending={status.pending}>
        {text}
      </a>
      <button
        type="button"
        className="sync-chip__button"
        onClick={() => void useSyncStatus.getState().syncNow().catch(() => undefined)}
        disabled={busy}
        aria-busy={busy}
        data-testid="sync-now"
      >
        {busy ? t('sync.nowRunning') : t('sync.now')}
      </button>
    </div>
  );
}

/** Loads the status for the student now signed in and follows the core's `sync.status` events. */
function useSyncStatusFeed() {
  useEffect(() => {
    useSyncStatus.getState().reset();
    void useSyncStatus.getState().load();
  }, []);
  useCoreEvent('sync.status', (payload) => useSyncStatus.getState().apply(payload));
}
