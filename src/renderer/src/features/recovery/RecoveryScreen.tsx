import { useId, useState } from 'react';
import type { Backup, RecoveryReason, RecoveryStatus } from '../../../../shared/contract';
import { LanguageChoice } from '../../components/LanguageChoice';
import { PageTitle } from '../../components/PageTitle';
import { errorKey, localeOf, useLanguage, useT, type TextKey } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { formatBackupDate } from '../backups/backup-format';
import { BackupsTable } from '../backups/BackupsTable';
import { RestoreDialog } from '../backups/RestoreDialog';
import './recovery.css';

const reasonKey = (reason: RecoveryReason): TextKey => `recovery.reason.${reason}`;

/**
 * The database could not be opened at start: says why in plain words, offers the newest backup (and
 * the others), and a retry. Nobody can sign in without a database, so anyone at the computer may
 * restore here; the directory that would not open is kept aside, not deleted.
 */
export function RecoveryScreen({ status }: { status: Extract<RecoveryStatus, { active: true }> }) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [stillFailing, setStillFailing] = useState(false);
  const retry = useAction(async () => {
    setStillFailing(false);
    const answer = await api.call('recovery.retry');
    if (answer.active) setStillFailing(true);
    else window.location.reload();
  });
  const [latest, ...older] = status.backups;
  return (
    <div className="signin" data-testid="recovery-screen">
      <RecoveryTopBar />
      <main className="signin__main">
        <div className="card signin__card recovery">
          <PageTitle title={t('recovery.title')} />
          <p data-testid="recovery-reason" data-reason={status.reason}>
            {t(reasonKey(status.reason))}
          </p>
          {latest ? (
            <div className="setting">
              <p>{t('recovery.restoreHint')}</p>
              <button type="button" className="button button--primary" onClick={() => setRestoring(latest)} data-testid="recovery-restore-latest">
                {t('recovery.restoreLatest', { date: formatBackupDate(latest.createdAt, locale) })}
              </button>
              {older.length > 0 &&
                (showAll ? (
                  <BackupsTable backups={older} onRestore={setRestoring} />
                ) : (
                  <button type="button" className="link-button" onClick={() => setShowAll(true)} data-testid="recovery-show-all">
                    {t('recovery.chooseOther', { count: older.length })}
                  </button>
                ))}
            </div>
          ) : (
            <p className="notice" data-testid="recovery-no-backups">
              {t('recovery.noBackups')}
            </p>
          )}
          <div className="setting">
            <button type="button" className="button" onClick={() => void retry.run()} disabled={retry.pending} aria-busy={retry.pending} data-testid="recovery-retry">
              {retry.pending ? t('recovery.retrying') : t('recovery.retry')}
            </button>
            {stillFailing && (
              <p className="form-error" role="alert">
                {t('recovery.stillFailing')}
              </p>
            )}
            {retry.error && (
              <p className="form-error" role="alert">
                {t(errorKey(retry.error.code))}
              </p>
            )}
          </div>
          <details className="recovery__details">
            <summary>{t('recovery.details')}</summary>
            <p>{t('recovery.dataDir', { path: status.dataDir })}</p>
            <pre data-testid="recovery-detail">{status.detail}</pre>
          </details>
        </div>
      </main>
      {restoring && (
        <RestoreDialog backup={restoring} restore={(id) => api.call('recovery.restore', { id })} onClose={() => setRestoring(null)} />
      )}
    </div>
  );
}

function RecoveryTopBar() {
  const t = useT();
  const labelId = useId();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <header className="signin__top">
      <p className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          T
        </span>
        {t('app.name')}
      </p>
      <div className="signin__language">
        <span id={labelId} className="signin__language-label">
          {t('signIn.language')}
        </span>
        <LanguageChoice value={language} onChange={setLanguage} labelledBy={labelId} compact />
      </div>
    </header>
  );
}
