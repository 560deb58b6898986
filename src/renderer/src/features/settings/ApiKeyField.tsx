import { useId } from 'react';
import { useT, type TextKey } from '../../i18n';

interface ApiKeyFieldProps {
  /** A key is saved (the page never sees it). */
  saved: boolean;
  value: string;
  removing: boolean;
  issue: TextKey | undefined;
  onChange: (value: string) => void;
  onRemove: (removing: boolean) => void;
}

/** The API key: optional, typed in a password field; a saved one shows as «Ключ сохранён» with «Удалить ключ». */
export function ApiKeyField({ saved, value, removing, issue, onChange, onRemove }: ApiKeyFieldProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {saved && !removing ? t('aiSettings.apiKeyNew') : t('aiSettings.apiKey')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('aiSettings.apiKeyHint')}
      </p>
      {saved && (
        <p className="ai-key" data-testid="ai-key-state" data-state={removing ? 'removing' : 'saved'}>
          {removing ? t('aiSettings.apiKeyRemoving') : t('aiSettings.apiKeySaved')}
          <button type="button" className="button button--small-inline" onClick={() => onRemove(!removing)} data-testid="ai-key-remove">
            {removing ? t('aiSettings.apiKeyKeep') : t('aiSettings.apiKeyRemove')}
          </button>
        </p>
      )}
      <input
        id={id}
        type="password"
        className="field__input"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-hint ${id}-error` : `${id}-hint`}
        data-testid="ai-api-key"
      />
      {issue && (
        <p id={`${id}-error`} className="field__error">
          {t(issue)}
        </p>
      )}
    </div>
  );
}
