import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { SessionUser } from '../../../../shared/contract';
import { serverUrlSchema } from '../../../../shared/contract/sync';
import { ChoiceGroup } from '../../components/ChoiceGroup';
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
import { useSyncStatus } from './sync-store';
import { syncFailureOf } from './sync-text';
import { useServerUrl } from './use-server-url';

type Mode = 'register' | 'signIn';

const required = z.string().min(1, { message: 'required' });
const registerForm = z.object({ serverUrl: serverUrlSchema, password: required });
const signInForm = registerForm.extend({ login: z.string().trim().min(1, { message: 'required' }) });

/**
 * Link the signed-in account to the school's server: create it there (the same account, its own
 * password), or sign in to one that exists (perhaps another one, which then replaces this one here).
 * Also «Войдите снова» when the server no longer takes this computer's sign-in (`again`).
 */
export function LinkForm({ user, again = null }: { user: SessionUser; again?: { serverUrl: string } | null }) {
  const t = useT();
  const modeLabel = useId();
  const errorId = useId();
  const server = useServerUrl(again?.serverUrl ?? '');
  const [mode, setMode] = useState<Mode>(again ? 'signIn' : 'register');
  const [login, setLogin] = useState(user.username);
  const [password, setPassword] = useState('');
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(blockedUntil);

  const link = useAction(async () => {
    const input = { serverUrl: again?.serverUrl ?? server.value.trim(), password };
    try {
      if (mode === 'register') {
        checkInput(registerForm, input);
        useSyncStatus.getState().show(await api.call('sync.linkRegister', input));
      } else {
        checkInput(signInForm, { ...input, login });
        const linked = await api.call('sync.linkSignIn', { ...input, login: login.trim() });
        useSyncStatus.getState().show(linked.status);
        // The server's account replaced this one here: the app goes on as it.
        if (linked.user.id !== user.id) await useSession.getState().load();
      }
    } catch (failure) {
      const error = toApiError(failure);
      if (error.code === 'rate_limited') setBlockedUntil(Date.now() + (error.retryAfterSeconds ?? 1) * 1000);
      if (error.code !== 'invalid_input') setPassword('');
      throw error;
    }
  });

  const fields = fieldErrorsOf(link.error);
  // A wrong password of this account (register) belongs under its field; the server's is a sentence.
  const passwordIssue = fields.password ?? (mode === 'register' && syncFailureOf(link.error) === 'wrong_password' ? 'wrong_password' : undefined);
  const sentence = link.error && !explainedByFields(link.error) && !(mode === 'register' && passwordIssue === 'wrong_password');
  // The server's «wrong login or password» is a sentence: both fields are marked and described by it.
  const serverRefused = Boolean(sentence) && mode === 'signIn' && syncFailureOf(link.error) === 'wrong_password';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void link.run();
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid={again ? 'sync-sign-in-again' : 'sync-link-form'}>
      {!again && (
        <>
          <TextField
            label={t('sync.settings.server')}
            hint={t('sync.settings.serverHint')}
            name="serverUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            testId="sync-server-url"
            value={server.value}
            disabled={server.locked}
            issue={fields.serverUrl}
            onChange={(event) => server.set(event.target.value)}
          />
          {server.locked && <LockedBySchool setting="syncServerUrl" />}
          <div className="setting">
            <span id={modeLabel} className="field__label">
              {t('sync.settings.mode')}
            </span>
            <ChoiceGroup<Mode>
              labelledBy={modeLabel}
              value={mode}
              onChange={(next) => {
                setMode(next);
                link.clearError();
              }}
              choices={[
                { value: 'register', label: t('sync.settings.modeRegister'), testId: 'sync-mode-register' },
                { value: 'signIn', label: t('sync.settings.modeSignIn'), testId: 'sync-mode-sign-in' },
              ]}
            />
          </div>
        </>
      )}
      {mode === 'signIn' && (
        <LoginField
          label={t('sync.settings.login')}
          name="login"
          testId="sync-login"
          value={login}
          issue={fields.login}
          refusedBy={serverRefused ? errorId : undefined}
          onChange={(event) => setLogin(event.target.value)}
        />
      )}
      <PasswordField
        purpose="current"
        label={t('sync.settings.password')}
        hint={mode === 'register' ? t('sync.settings.passwordHintRegister') : t('sync.settings.passwordHintSignIn')}
        name="password"
        testId="sync-password"
        value={password}
        issue={passwordIssue}
        refusedBy={serverRefused ? errorId : undefined}
        onChange={(event) => setPassword(event.target.value)}
      />
      {mode === 'signIn' && !again && <p className="setting__hint">{t('sync.settings.replaceWarning')}</p>}
      {link.error && sentence && <SyncErrorLine id={errorId} error={link.error} secondsLeft={secondsLeft} testId="sync-link-error" />}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={link.pending || secondsLeft > 0}
          aria-busy={link.pending}
          data-testid="sync-link-submit"
        >
          {link.pending ? t('sync.settings.linking') : again ? t('sync.settings.signInAgainSubmit') : t('sync.settings.link')}
        </button>
      </div>
    </form>
  );
}
