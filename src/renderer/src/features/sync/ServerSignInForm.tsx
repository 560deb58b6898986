import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { serverUrlSchema } from '../../../../shared/contract/sync';
import { navigate } from '../../app/router';
import { DEFAULT_ROUTE } from '../../app/routes';
import { LockedBySchool } from '../../components/LockedBySchool';
import { LoginField, PasswordField } from '../../components/CredentialFields';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { toApiError } from '../../lib/api-error';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useCountdown } from '../../lib/use-countdown';
import { useSession } from '../../session';
import { SyncErrorLine } from './SyncErrorLine';
import { syncFailureOf } from './sync-text';
import { useServerUrl } from './use-server-url';
import './sync.css';

const required = z.string().trim().min(1, { message: 'required' });
const form = z.object({ serverUrl: serverUrlSchema, login: required, password: z.string().min(1, { message: 'required' }) });

/**
 * «Войти через сервер школы»: an account that exists on the school's server comes to this computer
 * with everything in it, and is signed in (offline sign-in works from then on).
 */
export function ServerSignInForm() {
  const t = useT();
  const server = useServerUrl();
  const errorId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(blockedUntil);

  const signIn = useAction(async () => {
    const input = checkInput(form, { serverUrl: server.value, login, password });
    navigate(DEFAULT_ROUTE);
    try {
      await api.call('sync.signInFromServer', input);
    } catch (failure) {
      const error = toApiError(failure);
      if (error.code === 'rate_limited') setBlockedUntil(Date.now() + (error.retryAfterSeconds ?? 1) * 1000);
      setPassword('');
      throw error;
    }
    await useSession.getState().load();
  });

  const fields = fieldErrorsOf(signIn.error);
  // The server does not say which of the two was wrong: both are marked, described by the sentence.
  const wrongPassword = syncFailureOf(signIn.error) === 'wrong_password';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.run();
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="server-sign-in-form">
      <p className="page__intro">{t('sync.signIn.intro')}</p>
      <TextField
        label={t('sync.settings.server')}
        hint={t('sync.settings.serverHint')}
        name="serverUrl"
        type="url"
        inputMode="url"
        spellCheck={false}
        testId="server-sign-in-url"
        value={server.value}
        disabled={server.locked}
        issue={fields.serverUrl}
        onChange={(event) => server.set(event.target.value)}
      />
      {server.locked && <LockedBySchool setting="syncServerUrl" />}
      <LoginField
        label={t('signIn.login')}
        name="login"
        testId="server-sign-in-login"
        value={login}
        issue={fields.login}
        refusedBy={wrongPassword ? errorId : undefined}
        onChange={(event) => setLogin(event.target.value)}
      />
      <PasswordField
        purpose="current"
        label={t('signIn.password')}
        name="password"
        testId="server-sign-in-password"
        value={password}
        issue={fields.password}
        refusedBy={wrongPassword ? errorId : undefined}
        onChange={(event) => setPassword(event.target.value)}
      />
      {signIn.error && !explainedByFields(signIn.error) && (
        <SyncErrorLine id={errorId} error={signIn.error} secondsLeft={secondsLeft} testId="server-sign-in-error" />
      )}
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={signIn.pending || secondsLeft > 0}
        aria-busy={signIn.pending}
        data-testid="server-sign-in-submit"
      >
        {signIn.pending ? t('sync.signIn.submitting') : t('sync.signIn.submit')}
      </button>
    </form>
  );
}
