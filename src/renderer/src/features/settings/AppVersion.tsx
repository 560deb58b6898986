import { errorKey, useT } from '../../i18n';
import { useAppInfo } from '../../lib/app-info-store';

export function AppVersion() {
  const t = useT();
  const { info, error, loading, load } = useAppInfo();
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('settings.version')}</dt>
        <dd data-testid="app-version">
          {info ? info.version : error ? t(errorKey(error.code)) : t('common.loading')}
          {!info && error && (
            <button type="button" className="button button--small" onClick={() => void load()} disabled={loading}>
              {t('common.retry')}
            </button>
          )}
        </dd>
      </div>
    </dl>
  );
}
