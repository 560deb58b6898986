import { useState, type FormEvent } from 'react';
import { contract } from '../../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { TextField } from '../../components/TextField';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';

/**
 * «Доверенные серверы»: whose teachers and admins are teachers and admins on this computer too. The
 * school configuration's server always is; others only when an admin says so here. Accounts of any
 * other server come in as students.
 */
export function TrustedServersSection() {
  const t = useT();
  const trust = useCall('sync.serverTrust', undefined);
  const { update } = trust;
  const [url, setUrl] = useState('');
  const change = useAction(async (input: { serverUrl: string; trusted: boolean }) => {
    const checked = checkInput(contract['sync.setServerTrust'].input, input);
    const next = await api.call('sync.setServerTrust', checked);
    update(() => next);
    if (input.trusted) setUrl('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run({ serverUrl: url.trim(), trusted: true });
  };
  return (
    <div className="card settings-group" data-testid="trusted-servers">
      <h2 className="section-title">{t('admin.trust.title')}</h2>
      <p className="field__hint">{t('admin.trust.intro')}</p>
      {trust.data ? (
        <ul className="trusted-servers">
          {trust.data.schoolServerUrl && <li data-testid="trusted-school-server">{t('admin.trust.school', { url: trust.data.schoolServerUrl })}</li>}
          {trust.data.trusted.map((server) => (
            <li key={server} data-testid="trusted-server">
              <span>{server}</span>{' '}
              <button
                type="button"
                className="button button--small-inline"
                disabled={change.pending}
                onClick={() => void change.run({ serverUrl: server, trusted: false })}
              >
                {t('admin.trust.remove')}
              </button>
            </li>
          ))}
          {!trust.data.schoolServerUrl && trust.data.trusted.length === 0 && <li>{t('admin.trust.none')}</li>}
        </ul>
      ) : trust.error ? (
        <p className="form-error" role="alert">
          {t('admin.trust.error')} {t(errorKey(trust.error.code))}
        </p>
      ) : (
        <LoadingState message={t('common.loading')} />
      )}
      <form className="form form--compact" onSubmit={submit} noValidate>
        <TextField
          label={t('admin.trust.url')}
          name="serverUrl"
          type="url"
          testId="trusted-server-url"
          issue={fieldErrorsOf(change.error).serverUrl}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        {change.error && !explainedByFields(change.error) && (
          <p className="form-error" role="alert">
            {t('admin.trust.error')} {t(errorKey(change.error.code))}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={change.pending} data-testid="trusted-server-add">
            {t('admin.trust.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
