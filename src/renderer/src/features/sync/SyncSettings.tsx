import { useState } from 'react';
import type { SessionUser, SyncStatus } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { localeOf, useLanguage, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useSession } from '../../session';
import { DeviceList } from './DeviceList';
import { LinkForm } from './LinkForm';
import { SyncErrorLine } from './SyncErrorLine';
import { SyncRejections } from './SyncRejections';
import { useSyncStatus } from './sync-store';
import { needsSignIn, syncChipText, syncFailureKey } from './sync-text';
import './sync.css';

/** Settings → «Синхронизация»: link the account, see where sync stands, sync now, unlink, the devices. */
export function SyncSettings() {
  const t = useT();
  const status = useSyncStatus((state) => state.status);
  const error = useSyncStatus((state) => state.error);
  const user = useSession((state) => state.user);
  if (!status || !user) {
    return error ? (
      <ErrorState title={t('sync.settings.loadError')} error={error} onRetry={() => void useSyncStatus.getState().load()} />
    ) : (
      <LoadingState message={t('sync.settings.loading')} />
    );
  }
  if (status.state === 'unlinked') {
    return (
      <>
        <p className="setting__hint">{t('sync.settings.introUnlinked')}</p>
        <LinkForm user={user} />
      </>
    );
  }
  return <LinkedSync status={status} user={user} />;
}

function LinkedSync({ status, user }: { status: SyncStatus; user: SessionUser }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const syncing = useSyncStatus((state) => state.syncing);
  const [confirmUnlink, setConfirmUnlink] = useState(false);
  const syncNow = useAction(() => useSyncStatus.getState().syncNow());
  const unlink = useAction(async () => useSyncStatus.getState().show(await api.call('sync.unlink')));
  const waitsForStudent = needsSignIn(status);
  const full = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short' });
  const busy = syncing || status.state === 'syncing';
  return (
    <>
      <p className="setting__hint">{t('sync.settings.introLinked')}</p>
      <dl className="facts" data-testid="sync-facts">
        <div className="facts__row">
          <dt>{t('sync.settings.serverLabel')}</dt>
          <dd data-testid="sync-server">{status.serverUrl}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.settings.state')}</dt>
          <dd data-testid="sync-state" data-state={status.state}>
            {syncChipText(t, status, language)}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.settings.lastSync')}</dt>
          <dd data-testid="sync-last">{status.lastSyncedAt ? full.format(new Date(status.lastSyncedAt)) : t('sync.settings.never')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.settings.pending')}</dt>
          <dd data-testid="sync-pending">{status.pending}</dd>
        </div>
      </dl>
      {status.reason && !waitsForStudent && (
        <p className="form-error" role="alert" data-testid="sync-reason">
          {t(syncFailureKey(status.reason), { seconds: 60 })}
        </p>
      )}
      {waitsForStudent && status.serverUrl && (
        <div className="setting" data-testid="sync-needs-sign-in">
          <h3 className="setting__label">{t('sync.settings.signInAgain')}</h3>
          <p className="form-error">{t(syncFailureKey(status.reason!))}</p>
          <p className="setting__hint">{t('sync.settings.signInAgainHint')}</p>
          <LinkForm user={user} again={{ serverUrl: status.serverUrl }} />
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void syncNow.run()} disabled={busy} aria-busy={busy} data-testid="sync-settings-now">
          {busy ? t('sync.nowRunning') : t('sync.now')}
        </button>
        {confirmUnlink ? (
          <>
            <span role="alert">{t('sync.settings.unlinkConfirm')}</span>
            <button type="button" className="button" onClick={() => void unlink.run()} disabled={unlink.pending} data-testid="sync-unlink-yes">
              {t('sync.settings.unlinkYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmUnlink(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmUnlink(true)} data-testid="sync-unlink">
            {t('sync.settings.unlink')}
          </button>
        )}
      </div>
      {syncNow.error && <SyncErrorLine error={syncNow.error} />}
      {unlink.error && <SyncErrorLine error={unlink.error} />}
      <SyncRejections />
      {!waitsForStudent && (
        <div className="setting">
          <h3 className="setting__label">{t('sync.devices.title')}</h3>
          <p className="setting__hint">{t('sync.devices.intro')}</p>
          <DeviceList key={status.deviceId ?? 'none'} />
        </div>
      )}
    </>
  );
}
