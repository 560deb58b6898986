import { useId, useState, type ChangeEvent } from 'react';
import type { PackPreview } from '../../../../shared/contract';
import { PACK_MAX_CHARS } from '../../../../shared/contract/content';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { toApiError, type ApiError } from '../../lib/api-error';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { ImportedCourses } from './ImportedCourses';
import { ImportRefusal } from './ImportRefusal';
import { PackPreviewCard } from './PackPreviewCard';
import './import.css';

/** UTF-8 takes at most 4 bytes a character: a bigger file cannot fit and is not even read. */
const MAX_FILE_BYTES = PACK_MAX_CHARS * 4;
/** The contract allows file names up to 255 characters; the end of a longer name is the telling part. */
const MAX_FILE_NAME = 255;

export type Stage =
  | { kind: 'idle' }
  | { kind: 'preview'; file: string; text: string; preview: PackPreview }
  | { kind: 'done'; title: string; lessons: number; updated: boolean }
  | { kind: 'tooLarge'; file: string }
  | { kind: 'unreadable'; file: string }
  | { kind: 'refused'; file: string; error: ApiError };

/** The name sent with the pack (only used in the core's messages). */
const packFileName = (name: string): string => name.trim().slice(-MAX_FILE_NAME) || 'pack.json';

/**
 * «Добавить курс из файла» (teachers and admins), in two steps: the chosen file is checked and the core
 * says what it would change — lessons new, changed or leaving, whose progress it touches — and only a
 * confirmation installs that very file (the preview's checksum). Below: the courses added from files,
 * which their importer or an admin may withdraw.
 */
export function ImportPackSection() {
  const t = useT();
  const inputId = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const imported = useCall('content.importedCourses', undefined);

  const check = useAction(async (file: File) => {
    setStage({ kind: 'idle' });
    if (file.size > MAX_FILE_BYTES) return setStage({ kind: 'tooLarge', file: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStage({ kind: 'unreadable', file: file.name });
    }
    if (text.length > PACK_MAX_CHARS) return setStage({ kind: 'tooLarge', file: file.name });
    try {
      const preview = await api.call('content.previewPack', { fileName: packFileName(file.name), text });
      setStage({ kind: 'preview', file: file.name, text, preview });
    } catch (failure) {
      setStage({ kind: 'refused', file: file.name, error: toApiError(failure) });
    }
  });

  const confirm = useAction(async () => {
    if (stage.kind !== 'preview') return;
    try {
      const result = await api.call('content.importPack', { fileName: packFileName(stage.file), text: stage.text, checksum: stage.preview.checksum });
      setStage({ kind: 'done', title: result.title, lessons: result.lessons, updated: result.updated });
      imported.refresh();
    } catch (failure) {
      setStage({ kind: 'refused', file: stage.file, error: toApiError(failure) });
    }
  });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again once it has been fixed.
    event.target.value = '';
    if (file) void check.run(file);
  };

  const busy = check.pending || confirm.pending;
  const failed = stage.kind === 'tooLarge' || stage.kind === 'unreadable' || stage.kind === 'refused';
  return (
    <div className="card settings-group" data-testid="import-pack">
      <h2 className="section-title">{t('import.title')}</h2>
      <p id={`${inputId}-hint`} className="setting__hint">
        {t('import.hint', { max: PACK_MAX_CHARS })}
      </p>
      <div className="form__actions">
        <input
          id={inputId}
          className="visually-hidden file-input"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby={failed ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          aria-invalid={failed ? true : undefined}
          onChange={choose}
          data-testid="import-pack-input"
        />
        <label className={`button${stage.kind === 'preview' ? '' : ' button--primary'}${busy ? ' button--disabled' : ''}`} htmlFor={inputId} aria-busy={check.pending}>
          {check.pending ? t('import.checking') : t('import.choose')}
        </label>
      </div>
      {stage.kind === 'preview' && (
        <PackPreviewCard
          preview={stage.preview}
          pending={confirm.pending}
          onConfirm={() => void confirm.run()}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
      {stage.kind === 'done' && (
        <p className="form-success" role="status" data-testid="import-pack-result" data-updated={stage.updated}>
          {stage.updated ? t('import.updated', { title: stage.title }) : t('import.added', { title: stage.title, count: stage.lessons })}
        </p>
      )}
      {failed && <ImportRefusal id={`${inputId}-error`} stage={stage} />}
      <ImportedCourses state={imported} />
    </div>
  );
}
