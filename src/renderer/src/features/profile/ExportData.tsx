import type { SessionUser } from '../../../../shared/contract';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { downloadText, localDate } from '../../lib/download';
import { useAction } from '../../lib/use-action';

/** `teacher-ai-<username>-<YYYY-MM-DD>.json` */
export const exportFileName = (username: string, day: Date): string => `teacher-ai-${username}-${localDate(day)}.json`;

/** «Скачать мои данные»: everything of the student's own, as one JSON file. */
export function ExportData({ user }: { user: SessionUser }) {
  const t = useT();
  const exportData = useAction(async () => {
    const data = await api.call('profile.exportData');
    downloadText(exportFileName(user.username, new Date()), JSON.stringify(data, null, 2), 'application/json');
  });
  return (
    <div className="setting">
      <p className="setting__hint">{t('profile.exportHint')}</p>
      <button
        type="button"
        className="button"
        onClick={() => void exportData.run()}
        disabled={exportData.pending}
        aria-busy={exportData.pending}
        data-testid="export-data"
      >
        {exportData.pending ? t('profile.exporting') : t('profile.export')}
      </button>
      {exportData.error && (
        <p className="form-error" role="alert">
          {t('profile.exportError')} {t(errorKey(exportData.error.code))}
        </p>
      )}
    </div>
  );
}
