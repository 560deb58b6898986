import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { syncErrorText, syncFailureOf } from './sync-text';

/** Why a sync call did not work, as a sentence (a rate limit counts down). */
export function SyncErrorLine({ error, secondsLeft = 0, testId = 'sync-error' }: { error: ApiError; secondsLeft?: number; testId?: string }) {
  const t = useT();
  return (
    <p className="form-error" role="alert" data-testid={testId} data-error-code={error.code} data-reason={syncFailureOf(error) ?? undefined}>
      {syncErrorText(t, error, secondsLeft)}
    </p>
  );
}
