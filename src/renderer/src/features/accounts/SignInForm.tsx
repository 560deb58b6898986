import { useId, useRef, useState, type FormEvent } from 'react';
import type { SignInTile } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { DEFAULT_ROUTE } from '../../app/routes';
import { AccountAvatar } from '../../components/AccountAvatar';
import { LoginField, PasswordField } from '../../components/CredentialFields';
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
  const errorId = useId();
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

  // «Неверный логин или пароль»: the fields it concerns are marked invalid and described by it.
  const refused = signIn.error?.code === 'unauthenticated';

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
        <LoginField
          label={t('signIn.login')}
          name="login"
          testId="signin-login"
          autoFocus
          issue={missing.login ? 'required' : undefined}
          refusedBy={refused ? errorId : undefined}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
        />
      )}
      <PasswordField
        ref={passwordInput}
        purpose="current"
        label={t('signIn.password')}
        name="password"
        testId="signin-password"
        autoFocus={account !== null}
        issue={missing.password ? 'required' : undefined}
        refusedBy={refused ? errorId : undefined}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {signIn.error && <SignInError id={errorId} error={signIn.error} secondsLeft={secondsLeft} />}
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
