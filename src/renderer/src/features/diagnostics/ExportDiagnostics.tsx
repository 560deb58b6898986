import { useState } from 'react';
import type { DiagnosticsFile } from '../../../../shared/contract/diagnostics';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { downloadText } from '../../lib/download';
import { useAction } from '../../lib/use-action';
import { diagnosticsSize } from './diagnostics-size';

/**
 * «Экспорт диагностики»: the core writes one redacted report (a copy stays in the data folder) and the
 * page saves it as a download, in the desktop app and in a browser alike. Any signed-in account may.
 */
export function ExportDiagnostics() {
  const t = useT();
  const [done, setDone] = useState<Pick<DiagnosticsFile, 'fileName' | 'sizeBytes'> | null>(null);
  const exportDiagnostics = useAction(async () => {
    setDone(null);
    const file = await api.call('diagnostics.export');
    downloadText(file.fileName, file.content, 'application/json');
    setDone({ fileName: file.fileName, sizeBytes: file.sizeBytes });
  });
  return (
    <div className="setting" data-testid="diagnostics">
      <p className="setting__hint">{t('diagnostics.hint')}</p>
      <button
        type="button"
        className="button"
        onClick={() => void exportDiagnostics.run()}
        disabled={exportDiagnostics.pending}
        aria-busy={exportDiagnostics.pending}
        data-testid="export-diagnostics"
      >
        {exportDiagnostics.pending ? t('diagnostics.exporting') : t('diagnostics.export')}
      </button>
      {done && (
        <p className="setting__hint" role="status" data-testid="diagnostics-done">
          {t('diagnostics.done', { fileName: done.fileName, size: diagnosticsSize(t, done.sizeBytes) })}
        </p>
      )}
      {exportDiagnostics.error && (
        <p className="form-error" role="alert">
          {t('diagnostics.error')} {t(errorKey(exportDiagnostics.error.code))}
        </p>
      )}
    </div>
  );
}
