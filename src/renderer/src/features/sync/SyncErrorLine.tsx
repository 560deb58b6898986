import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { syncErrorText, syncFailureOf } from './sync-text';

/** Why a sync call did not work, as a sentence (a rate limit counts down). */
export function SyncErrorLine({ id, error, secondsLeft = 0, testId = 'sync-error' }: { id?: string; error: ApiError; secondsLeft?: number; testId?: string }) {
  const t = useT();
  return (
    <p id={id} className="form-error" role="alert" data-testid={testId} data-error-code={error.code} data-reason={syncFailureOf(error) ?? undefined}>
      {syncErrorText(t, error, secondsLeft)}
    </p>
  );
}
