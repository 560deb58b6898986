import { useId, useState, type ChangeEvent } from 'react';
import { PACK_MAX_CHARS } from '../../../../shared/contract/content';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { toApiError, type ApiError, type ApiErrorIssue } from '../../lib/api-error';
import { useAction } from '../../lib/use-action';

/** UTF-8 takes at most 4 bytes a character: a bigger file cannot fit and is not even read. */
const MAX_FILE_BYTES = PACK_MAX_CHARS * 4;
/** The contract allows file names up to 255 characters; the end of a longer name is the telling part. */
const MAX_FILE_NAME = 255;

type Outcome =
  | { kind: 'done'; title: string; lessons: number; updated: boolean }
  | { kind: 'tooLarge'; file: string }
  | { kind: 'unreadable'; file: string }
  | { kind: 'refused'; file: string; error: ApiError };

/** The name sent with the pack (only used in the core's messages). */
const packFileName = (name: string): string => name.trim().slice(-MAX_FILE_NAME) || 'pack.json';

/**
 * «Добавить курс из файла» (teachers and admins): a course pack JSON file is checked for size here, read
 * as text and installed by the core; the same pack again updates the course and keeps everyone's progress.
 */
export function ImportPackSection() {
  const t = useT();
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importPack = useAction(async (file: File) => {
    setOutcome(null);
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ kind: 'tooLarge', file: file.name });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setOutcome({ kind: 'unreadable', file: file.name });
      return;
    }
    if (text.length > PACK_MAX_CHARS) {
      setOutcome({ kind: 'tooLarge', file: file.name });
      return;
    }
    try {
      const result = await api.call('content.importPack', { fileName: packFileName(file.name), text });
      setOutcome({ kind: 'done', title: result.title, lessons: result.lessons, updated: result.updated });
    } catch (failure) {
      setOutcome({ kind: 'refused', file: file.name, error: toApiError(failure) });
    }
  });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again once it has been fixed.
    event.target.value = '';
    if (file) void importPack.run(file);
  };

  const failed = outcome !== null && outcome.kind !== 'done';
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
          disabled={importPack.pending}
          aria-describedby={failed ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          aria-invalid={failed ? true : undefined}
          onChange={choose}
          data-testid="import-pack-input"
        />
        <label className={`button button--primary${importPack.pending ? ' button--disabled' : ''}`} htmlFor={inputId} aria-busy={importPack.pending}>
          {importPack.pending ? t('import.importing') : t('import.choose')}
        </label>
      </div>
      {outcome?.kind === 'done' && (
        <p className="form-success" role="status" data-testid="import-pack-result" data-updated={outcome.updated}>
          {outcome.updated
            ? t('import.updated', { title: outcome.title })
            : t('import.added', { title: outcome.title, count: outcome.lessons })}
        </p>
      )}
      {outcome && outcome.kind !== 'done' && (
        <div id={`${inputId}-error`} className="form-error" role="alert" data-testid="import-pack-error" data-reason={outcome.kind}>
          <ImportRefusal outcome={outcome} />
        </div>
      )}
    </div>
  );
}

function ImportRefusal({ outcome }: { outcome: Exclude<Outcome, { kind: 'done' }> }) {
  const t = useT();
  switch (outcome.kind) {
    case 'tooLarge':
      return <p>{t('import.tooLarge', { file: outcome.file, max: PACK_MAX_CHARS })}</p>;
    case 'unreadable':
      return <p>{t('import.readError', { file: outcome.file })}</p>;
    case 'refused': {
      const { error } = outcome;
      if (error.code !== 'invalid_input') return <p data-error-code={error.code}>{`${t('import.error')} ${t(errorKey(error.code))}`}</p>;
      return (
        <>
          <p data-error-code={error.code}>{t('import.refused', { file: outcome.file })}</p>
          {error.issues.length === 0 ? (
            <p>{t('import.noReasons')}</p>
          ) : (
            <ul>
              {error.issues.map((issue, index) => (
                <ReasonItem key={index} issue={issue} />
              ))}
            </ul>
          )}
        </>
      );
    }
  }
}

/** A reason of the core: English with the JSON path of the problem, as the pack's author needs it. */
function ReasonItem({ issue }: { issue: ApiErrorIssue }) {
  const t = useT();
  if (issue.message === 'pack_too_large') return <li data-testid="import-pack-reason">{t('import.packTooLarge', { max: PACK_MAX_CHARS })}</li>;
  const text = issue.path === '' || issue.path === 'pack' ? issue.message : `${issue.path}: ${issue.message}`;
  return (
    <li lang="en" data-testid="import-pack-reason">
      {text}
    </li>
  );
}
