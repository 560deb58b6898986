import { useId, useRef, useState, type FormEvent } from 'react';
import type { SignInTile } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { DEFAULT_ROUTE } from '../../app/routes';
import { AccountAvatar } from '../../components/AccountAvatar';
import { FieldError } from '../../components/FieldError';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { toApiError } from '../../lib/api-error';
import { useAction } from '../../lib/use-action';
import { useCountdown } from '../../lib/use-countdown';
import { useSession } from '../../session';
import { SignInError } from './SignInError';

interface SignInFormProps {
  /** The account picked from the list; without one the student types their login. */
  account: SignInTile | null;
}

export function SignInForm({ account }: SignInFormProps) {
  const t = useT();
  const passwordId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ login: boolean; password: boolean }>({ login: false, password: false });
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(blockedUntil);
  const form = useRef<HTMLFormElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const signIn = useAction(async (who: string, secret: string) => {
    // The app opens on the course list, whatever the previous student last looked at.
    navigate(DEFAULT_ROUTE);
    try {
      await useSession.getState().signIn(who, secret);
    } catch (failure) {
      const error = toApiError(failure);
      if (error.code === 'rate_limited') setBlockedUntil(Date.now() + (error.retryAfterSeconds ?? 1) * 1000);
      setPassword('');
      passwordInput.current?.focus();
      throw error;
    }
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = account ? account.username : login.trim();
    const empty = { login: who === '', password: password === '' };
    setMissing(empty);
    if (empty.login) form.current?.querySelector<HTMLInputElement>('input[name="login"]')?.focus();
    else if (empty.password) passwordInput.current?.focus();
    else void signIn.run(who, password);
  };

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      {account ? (
        <div className="signin-account">
          <AccountAvatar account={account} size="large" />
          <p className="signin-account__name">{account.fullName}</p>
        </div>
      ) : (
        <TextField
          label={t('signIn.login')}
          name="login"
          testId="signin-login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          issue={missing.login ? 'required' : undefined}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
        />
      )}
      <div className="field">
        <label className="field__label" htmlFor={passwordId}>
          {t('signIn.password')}
        </label>
        <input
          ref={passwordInput}
          id={passwordId}
          className="field__input"
          type="password"
          name="password"
          autoComplete="current-password"
          autoFocus={account !== null}
          aria-invalid={missing.password ? true : undefined}
          aria-describedby={missing.password ? `${passwordId}-error` : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="signin-password"
        />
        {missing.password && <FieldError id={`${passwordId}-error`} field="password" issue="required" />}
      </div>
      {signIn.error && <SignInError error={signIn.error} secondsLeft={secondsLeft} />}
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={signIn.pending || secondsLeft > 0}
        aria-busy={signIn.pending}
        data-testid="signin-submit"
      >
        {signIn.pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
