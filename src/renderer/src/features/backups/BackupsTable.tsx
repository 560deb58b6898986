import type { Backup } from '../../../../shared/contract';
import { localeOf, useLanguage, useT } from '../../i18n';
import { backupReasonKey, formatBackupDate, megabytes } from './backup-format';
import './backups.css';

/** The backups of this computer, newest first, each with «Восстановить». */
export function BackupsTable({ backups, onRestore, disabled }: { backups: readonly Backup[]; onRestore: (backup: Backup) => void; disabled?: boolean }) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="backups-table">
        <thead>
          <tr>
            <th scope="col">{t('backups.date')}</th>
            <th scope="col">{t('backups.reason')}</th>
            <th scope="col">{t('backups.size')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('backups.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.id} data-testid="backup-row" data-backup-id={backup.id} data-reason={backup.reason}>
              <th scope="row">{formatBackupDate(backup.createdAt, locale)}</th>
              <td>{t(backupReasonKey(backup.reason))}</td>
              <td className="table__number backups__size">{t('backups.sizeMb', { size: megabytes(backup.sizeBytes) })}</td>
              <td>
                <button
                  type="button"
                  className="button button--small-inline"
                  onClick={() => onRestore(backup)}
                  disabled={disabled}
                  data-testid="backup-restore"
                >
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
