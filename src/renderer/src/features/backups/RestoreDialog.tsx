import { useEffect, useId, useRef } from 'react';
import type { Backup } from '../../../../shared/contract';
import { errorKey, localeOf, useLanguage, useT } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { formatBackupDate } from './backup-format';

/**
 * «Восстановить копию от …?»: says what a restore does to everybody on the computer, then runs it.
 * On success the page starts afresh (everybody is signed out; the app is on the restored database).
 */
export function RestoreDialog({ backup, restore, onClose }: { backup: Backup; restore: (id: string) => Promise<unknown>; onClose: () => void }) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useAction(async () => {
    await restore(backup.id);
    window.location.reload();
    // Keep the «restoring» state on screen until the page has gone.
    await new Promise(() => {});
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (!action.pending) onClose();
      }}
      data-testid="restore-dialog"
    >
      <div className="form">
        <h2 id={titleId} className="dialog__title">
          {t('backups.restoreTitle', { date: formatBackupDate(backup.createdAt, locale) })}
        </h2>
        <p id={textId}>{t('backups.restoreText')}</p>
        {action.pending && (
          <p className="notice" role="status" data-testid="restore-pending">
            {t('backups.restoring')}
          </p>
        )}
        {action.error && (
          <p className="form-error" role="alert" data-testid="restore-error">
            {t('backups.restoreError')} {action.error.code === 'invalid_input' ? t('backups.restoreDamaged') : t(errorKey(action.error.code))}
          </p>
        )}
        <div className="form__actions">
          <button
            type="button"
            className="button button--danger"
            onClick={() => void action.run()}
            disabled={action.pending}
            aria-busy={action.pending}
            data-testid="restore-confirm"
          >
            {t('backups.restoreConfirm')}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={action.pending} data-testid="restore-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
