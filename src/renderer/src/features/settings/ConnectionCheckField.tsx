import { useId, useState } from 'react';
import type { ConnectionCheck, MethodInput } from '../../../../shared/contract';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { aiReasonKey } from '../chat/ai-reason';

interface ConnectionCheckFieldProps {
  /** What to check; null while the address is not one. */
  input: MethodInput<'ai.checkConnection'> | null;
  model: string;
  onModel: (model: string) => void;
}

/** «Проверить подключение»: whether the server answers, and the models it has to choose from. */
export function ConnectionCheckField({ input, model, onModel }: ConnectionCheckFieldProps) {
  const t = useT();
  const id = useId();
  // The answer belongs to the address (and key) it was given for: another one needs its own check.
  const [result, setResult] = useState<{ key: string; check: ConnectionCheck } | null>(null);
  const inputKey = JSON.stringify(input);
  const check = useAction(async () => {
    if (!input) return;
    setResult({ key: inputKey, check: await api.call('ai.checkConnection', input) });
  });
  const shown = result?.key === inputKey ? result.check : null;

  return (
    <div className="field ai-check">
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => void check.run()}
          disabled={input === null || check.pending}
          aria-busy={check.pending}
          aria-describedby={`${id}-result`}
          data-testid="ai-check"
        >
          {check.pending ? t('aiSettings.checking') : t('aiSettings.check')}
        </button>
      </div>
      <div id={`${id}-result`} role="status">
        {check.error && (
          <p className="form-error" data-testid="ai-check-error">
            {t('aiSettings.checkError')} {t(errorKey(check.error.code))}
          </p>
        )}
        {shown?.ok === false && (
          <div className="ai-check__failed" data-testid="ai-check-result" data-ok="false" data-reason={shown.reason}>
            <p className="field__error">{t(aiReasonKey(shown.reason))}</p>
            {shown.detail && (
              <details className="ai-check__detail">
                <summary>{t('aiSettings.detail')}</summary>
                <p>{shown.detail}</p>
              </details>
            )}
          </div>
        )}
        {shown?.ok === true && (
          <div className="ai-check__ok" data-testid="ai-check-result" data-ok="true">
            <p className="form-success">
              {shown.models.length > 0 ? t('aiSettings.connected', { count: shown.models.length }) : t('aiSettings.connectedNoModels')}
            </p>
            {shown.models.length > 0 && (
              <>
                <label htmlFor={`${id}-models`} className="field__label">
                  {t('aiSettings.pickModel')}
                </label>
                <select
                  id={`${id}-models`}
                  className="field__input field__select"
                  value={shown.models.includes(model) ? model : ''}
                  onChange={(event) => event.target.value && onModel(event.target.value)}
                  data-testid="ai-model-list"
                >
                  <option value="">{t('aiSettings.pickModelPlaceholder')}</option>
                  {shown.models.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
