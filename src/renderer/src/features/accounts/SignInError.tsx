import { errorKey, useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';

/** Why signing in did not work, as a sentence; a back-off counts down the seconds live. */
export function SignInError({ id, error, secondsLeft }: { id: string; error: ApiError; secondsLeft: number }) {
  const t = useT();
  const text =
    error.code === 'unauthenticated'
      ? t('signIn.wrongPassword')
      : error.code === 'rate_limited'
        ? secondsLeft > 0
          ? t('signIn.rateLimited', { seconds: secondsLeft })
          : t('signIn.canRetry')
        : t(errorKey(error.code));
  return (
    <p id={id} className="form-error" role="alert" data-testid="signin-error" data-error-code={error.code}>
      {text}
    </p>
  );
}
