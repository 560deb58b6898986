import { useEffect, useId, useState } from 'react';
import type { EmbeddedModelView, MethodOutput } from '../../../../shared/contract';
import { errorKey, localeOf, useLanguage, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { aiReasonKey } from '../chat/ai-reason';
import { formatMegabytes } from './model-size';

interface EmbeddedModelFieldProps {
  modelPath: string;
  onModelPath: (modelPath: string) => void;
}

/** How often the page asks how far a load has got. */
const PROGRESS_POLL_MS = 400;

/**
 * The built-in model's file (typed, or chosen in the desktop app's open dialog), and what it is: its
 * name, size, context, whether it fits in memory, its load progress and its measured speed.
 */
export function EmbeddedModelField({ modelPath, onModelPath }: EmbeddedModelFieldProps) {
  const t = useT();
  const id = useId();
  const locale = localeOf(useLanguage((state) => state.language));
  const path = modelPath.trim();
  const view = useCall('ai.embeddedModel', path ? { modelPath: path } : {});
  const [measured, setMeasured] = useState<{ path: string; result: MethodOutput<'ai.measureEmbeddedSpeed'> } | null>(null);
  const measure = useAction(async () => {
    setMeasured({ path, result: await api.call('ai.measureEmbeddedSpeed', { modelPath: path }) });
    view.refresh();
  });
  const choose = useAction(async () => {
    const chosen = await api.call('ai.chooseModelFile');
    if (chosen.path) onModelPath(chosen.path);
  });
  const loading = view.data?.state === 'loading';
  // While the model loads (for a speed check or a student's question), its progress is asked for again and again.
  const { refresh } = view;
  useEffect(() => {
    if (!measure.pending && !loading) return;
    const timer = setInterval(refresh, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [measure.pending, loading, refresh]);

  const data: EmbeddedModelView | undefined = view.data;
  const failed = measured?.path === path && measured.result.ok === false ? measured.result : null;
  const mb = (bytes: number) => formatMegabytes(bytes, locale, t);

  return (
    <div className="field ai-embedded" data-testid="ai-embedded">
      <label className="field__label" htmlFor={`${id}-path`}>
        {t('aiSettings.modelPath')}
      </label>
      <div id={`${id}-hint`} className="field__hint">
        <p>{t('aiSettings.modelPathHint')}</p>
        {data && !data.canChooseFile && <p data-testid="ai-model-path-browser">{t('aiSettings.modelPathBrowserHint')}</p>}
      </div>
      <div className="ai-embedded__path">
        <input
          id={`${id}-path`}
          className="field__input"
          autoComplete="off"
          spellCheck={false}
          value={modelPath}
          onChange={(event) => onModelPath(event.target.value)}
          aria-describedby={`${id}-hint ${id}-status`}
          data-testid="ai-model-path"
        />
        {data?.canChooseFile && (
          <button type="button" className="button" onClick={() => void choose.run()} disabled={choose.pending} data-testid="ai-model-choose">
            {t('aiSettings.chooseModel')}
          </button>
        )}
      </div>
      {choose.error && (
        <p className="form-error" role="alert">
          {t('aiSettings.chooseModelError')} {t(errorKey(choose.error.code))}
        </p>
      )}
      <div id={`${id}-status`} role="status" className="ai-embedded__status">
        {data && path && !data.available && <p className="field__error">{t('aiSettings.embedded.unavailable')}</p>}
        {data && path && data.available && data.file === null && (
          <p className="field__error" data-testid="ai-model-missing">
            {t('aiSettings.embedded.missing')}
          </p>
        )}
        {data?.file && (
          <dl className="ai-embedded__facts" data-testid="ai-model-facts">
            <dt>{t('aiSettings.embedded.size')}</dt>
            <dd data-testid="ai-model-size">{mb(data.file.sizeBytes)}</dd>
            {data.model && (
              <>
                <dt>{t('aiSettings.embedded.name')}</dt>
                <dd data-testid="ai-model-name">{data.model.name}</dd>
                <dt>{t('aiSettings.embedded.context')}</dt>
                <dd data-testid="ai-model-context">
                  {t('aiSettings.embedded.contextValue', { tokens: data.model.contextTokens, trained: data.model.trainContextTokens })}
                </dd>
                <dt>{t('aiSettings.embedded.speed')}</dt>
                <dd data-testid="ai-model-speed">
                  {data.model.tokensPerSecond === null
                    ? t('aiSettings.embedded.speedUnknown')
                    : t('aiSettings.embedded.speedValue', { speed: data.model.tokensPerSecond.toLocaleString(locale), threads: data.model.threads })}
                </dd>
              </>
            )}
          </dl>
        )}
        {data?.file && !data.file.fits && (
          <p className="field__error" data-testid="ai-model-too-large">
            {t('aiSettings.embedded.tooLarge', { needed: mb(data.file.neededBytes), free: mb(data.file.freeBytes) })}
          </p>
        )}
        {data?.state === 'loading' && data.progress !== null && (
          <div className="ai-embedded__progress">
            <label htmlFor={`${id}-progress`}>{t('aiSettings.embedded.loading')}</label>
            <progress id={`${id}-progress`} max={1} value={data.progress} data-testid="ai-model-progress" />
          </div>
        )}
        {failed && (
          <p className="field__error" data-testid="ai-speed-error" data-reason={failed.reason}>
            {t(aiReasonKey(failed.reason))}
          </p>
        )}
        {measure.error && (
          <p className="form-error">
            {t('aiSettings.embedded.speedError')} {t(errorKey(measure.error.code))}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => void measure.run()}
          disabled={!data?.file || measure.pending}
          aria-busy={measure.pending}
          data-testid="ai-model-measure"
        >
          {measure.pending ? t('aiSettings.embedded.measuring') : t('aiSettings.embedded.measure')}
        </button>
      </div>
    </div>
  );
}
