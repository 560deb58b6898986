import { useId, useState, type FormEvent } from 'react';
import type { AiSettings, AiSettingsView } from '../../../../shared/contract';
import { AI_TIMEOUT_MAX_SECONDS, AI_TIMEOUT_MIN_SECONDS } from '../../../../shared/contract/ai';
import { AI_PROVIDERS, type AiProvider } from '../../../../shared/domain';
import { errorKey, useT, type TextKey } from '../../i18n';
import { api } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { BASE_URL_EXAMPLES, draftFrom, draftIssues, toCheckInput, toSettingsInput, type AiDraft, type AiScope } from './ai-settings-form';
import { ApiKeyField } from './ApiKeyField';
import { ConnectionCheckField } from './ConnectionCheckField';
import { EmbeddedModelField } from './EmbeddedModelField';

interface AiEndpointFormProps {
  scope: AiScope;
  /** The saved setting of this scope (whether it has a key). */
  view: AiSettingsView | null;
  /** What the form starts with: this scope's setting, or what applies now. */
  initial: AiSettingsView | null;
  onSaved: (settings: AiSettings) => void;
}

const PROVIDER_KEYS: Readonly<Record<AiProvider, { label: TextKey; hint: TextKey }>> = {
  offline: { label: 'aiSettings.provider.offline', hint: 'aiSettings.provider.offlineHint' },
  openai: { label: 'aiSettings.provider.openai', hint: 'aiSettings.provider.openaiHint' },
  embedded: { label: 'aiSettings.provider.embedded', hint: 'aiSettings.provider.embeddedHint' },
};

/** The core's own refusals of the contract's fields, as sentences. */
const CORE_ISSUES: Readonly<Record<string, TextKey>> = {
  base_url_invalid: 'aiSettings.issue.baseUrl',
  endpoint_incomplete: 'aiSettings.issue.incomplete',
};

/** The form's fields by the contract's names, for the core's issues. */
const CONTRACT_FIELDS = { baseUrl: 'baseUrl', model: 'model', timeout: 'timeoutSeconds' } as const;

/** Who answers in the chat, for one scope: the built-in offline teacher, or an OpenAI-compatible server. */
export function AiEndpointForm({ scope, view, initial, onSaved }: AiEndpointFormProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<AiDraft>(() => draftFrom(initial));
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const change = (part: Partial<AiDraft>) => {
    setDraft((current) => ({ ...current, ...part }));
    setSaved(false);
  };
  const issues = tried ? draftIssues(draft) : {};
  const own = draft.provider === 'openai';
  const save = useAction(async () => {
    const input = toSettingsInput(draft);
    const next = scope === 'user' ? await api.call('ai.saveUserSettings', input) : await api.call('ai.saveComputerSettings', input);
    // The key went with it: the field empties, «Ключ сохранён» says the rest.
    setDraft((current) => ({ ...current, apiKey: '', removeKey: false }));
    setSaved(true);
    onSaved(next);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(draftIssues(draft)).length > 0) return;
    void save.run();
  };
  const coreIssues = fieldErrorsOf(save.error);
  const coreIssue = (field: keyof typeof CONTRACT_FIELDS): TextKey | undefined => {
    const message = coreIssues[CONTRACT_FIELDS[field]];
    return message ? (CORE_ISSUES[message] ?? 'issue.invalid') : undefined;
  };
  const issueOf = (field: keyof typeof CONTRACT_FIELDS) => issues[field] ?? coreIssue(field);
  // A refusal shown at its field needs no sentence for the whole form.
  const explained = own && Object.values(CONTRACT_FIELDS).some((field) => field in coreIssues);

  return (
    <form className="form ai-form" onSubmit={submit} noValidate data-testid={`ai-form-${scope}`}>
      <fieldset className="ai-providers">
        <legend className="setting__label">{t('aiSettings.provider')}</legend>
        {AI_PROVIDERS.map((provider) => (
          <label key={provider} className="ai-provider" data-checked={draft.provider === provider}>
            <input
              type="radio"
              name={`${id}-provider`}
              value={provider}
              checked={draft.provider === provider}
              onChange={() => change({ provider })}
              data-testid={`ai-provider-${provider}`}
            />
            <span className="ai-provider__text">
              <span className="ai-provider__label">{t(PROVIDER_KEYS[provider].label)}</span>
              <span className="field__hint">{t(PROVIDER_KEYS[provider].hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {own && (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-url`}>
              {t('aiSettings.baseUrl')}
            </label>
            <p id={`${id}-url-hint`} className="field__hint">
              {t('aiSettings.baseUrlHint')}{' '}
              {BASE_URL_EXAMPLES.map((example, index) => (
                <span key={example.url}>
                  {index > 0 && ', '}
                  {example.name}:{' '}
                  <button type="button" className="link-button ai-example" onClick={() => change({ baseUrl: example.url })} data-testid="ai-url-example">
                    {example.url}
                  </button>
                </span>
              ))}
            </p>
            <input
              id={`${id}-url`}
              type="url"
              className="field__input"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="http://localhost:11434/v1"
              value={draft.baseUrl}
              onChange={(event) => change({ baseUrl: event.target.value })}
              aria-invalid={issueOf('baseUrl') ? true : undefined}
              aria-describedby={issueOf('baseUrl') ? `${id}-url-hint ${id}-url-error` : `${id}-url-hint`}
              data-testid="ai-base-url"
            />
            {issueOf('baseUrl') && (
              <p id={`${id}-url-error`} className="field__error" data-testid="field-error" data-field="baseUrl">
                {t(issueOf('baseUrl') as TextKey)}
              </p>
            )}
          </div>
          <ApiKeyField
            saved={view?.hasApiKey ?? false}
            value={draft.apiKey}
            removing={draft.removeKey}
            issue={issues.apiKey}
            onChange={(apiKey) => change({ apiKey })}
            onRemove={(removeKey) => change({ removeKey })}
          />
          <ConnectionCheckField input={toCheckInput(draft, scope, view?.hasApiKey ?? false)} model={draft.model} onModel={(model) => change({ model })} />
          <div className="field">
            <label className="field__label" htmlFor={`${id}-model`}>
              {t('aiSettings.model')}
            </label>
            <p id={`${id}-model-hint`} className="field__hint">
              {t('aiSettings.modelHint')}
            </p>
            <input
              id={`${id}-model`}
              className="field__input"
              autoComplete="off"
              spellCheck={false}
              value={draft.model}
              onChange={(event) => change({ model: event.target.value })}
              aria-invalid={issueOf('model') ? true : undefined}
              aria-describedby={issueOf('model') ? `${id}-model-hint ${id}-model-error` : `${id}-model-hint`}
              data-testid="ai-model"
            />
            {issueOf('model') && (
              <p id={`${id}-model-error`} className="field__error" data-testid="field-error" data-field="model">
                {t(issueOf('model') as TextKey)}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-timeout`}>
              {t('aiSettings.timeout')}
            </label>
            <p id={`${id}-timeout-hint`} className="field__hint">
              {t('aiSettings.timeoutHint', { min: AI_TIMEOUT_MIN_SECONDS, max: AI_TIMEOUT_MAX_SECONDS })}
            </p>
            <input
              id={`${id}-timeout`}
              type="number"
              inputMode="numeric"
              className="field__input field__input--short"
              min={AI_TIMEOUT_MIN_SECONDS}
              max={AI_TIMEOUT_MAX_SECONDS}
              step={1}
              value={draft.timeout}
              onChange={(event) => change({ timeout: event.target.value })}
              aria-invalid={issueOf('timeout') ? true : undefined}
              aria-describedby={issueOf('timeout') ? `${id}-timeout-hint ${id}-timeout-error` : `${id}-timeout-hint`}
              data-testid="ai-timeout"
            />
            {issueOf('timeout') && (
              <p id={`${id}-timeout-error`} className="field__error" data-testid="field-error" data-field="timeoutSeconds">
                {t(issueOf('timeout') as TextKey)}
              </p>
            )}
          </div>
        </>
      )}
      {draft.provider === 'embedded' && scope === 'computer' && (
        <EmbeddedModelField modelPath={draft.modelPath} onModelPath={(modelPath) => change({ modelPath })} />
      )}

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.pending} aria-busy={save.pending} data-testid={`ai-save-${scope}`}>
          {save.pending ? t('common.saving') : t('aiSettings.save')}
        </button>
        <span role="status">
          {saved && !save.pending && (
            <span className="form-success" data-testid={`ai-saved-${scope}`}>
              {t('common.saved')}
            </span>
          )}
        </span>
      </div>
      {save.error && !explained && (
        <p className="form-error" role="alert" data-testid="ai-save-error" data-error-code={save.error.code}>
          {t('aiSettings.saveError')} {t(errorKey(save.error.code))}
        </p>
      )}
    </form>
  );
}
