import { errorKey, useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { aiReasonKey } from './ai-reason';
import type { ReplyOutcome } from './conversation-state';
import { ServerSaid } from './ServerSaid';

interface ReplyControlsProps {
  busy: boolean;
  /** A reply is being written (not just the question being sent): «Стоп» can stop it. */
  streaming: boolean;
  last: ReplyOutcome | null;
  canRetry: boolean;
  actionError: ApiError | null;
  onStop: () => void;
  onRetry: () => void;
  /** A reply cut at the model's length limit: ask it to go on. */
  onContinue: () => void;
}

/**
 * Under the conversation: «Учитель пишет…» with «Стоп» while a reply comes; after a stopped or failed
 * one, what happened in a sentence and «Повторить». Announced politely to screen readers.
 */
export function ReplyControls({ busy, streaming, last, canRetry, actionError, onStop, onRetry, onContinue }: ReplyControlsProps) {
  const t = useT();
  const failed = last?.status === 'failed';
  const stopped = last?.status === 'stopped';
  return (
    <div className="chat-reply" role="status" data-testid="chat-reply-state" data-state={busy ? 'writing' : (last?.status ?? 'idle')}>
      {busy && (
        <div className="chat-reply__row">
          <p className="chat-reply__writing" data-testid="chat-writing">
            <span className="spinner spinner--small" aria-hidden="true" />
            {t('chat.typing')}
          </p>
          <button type="button" className="button" onClick={onStop} disabled={!streaming} data-testid="chat-stop">
            <span aria-hidden="true">■ </span>
            {t('chat.stop')}
          </button>
        </div>
      )}
      {!busy && canRetry && (
        <div className={failed ? 'chat-reply__row chat-reply__row--failed' : 'chat-reply__row'}>
          <p data-testid="chat-reply-problem" data-reason={last?.failureReason ?? undefined}>
            {failed
              ? `${t('chat.failed')}${last?.failureReason ? ` ${t(aiReasonKey(last.failureReason))}` : ''}`
              : stopped
                ? t('chat.stopped')
                : t('chat.noReply')}
            {failed && last?.detail && <ServerSaid detail={last.detail} />}
          </p>
          <button type="button" className="button button--primary" onClick={onRetry} data-testid="chat-retry">
            {t('chat.retry')}
          </button>
        </div>
      )}
      {!busy && last?.status === 'truncated' && (
        <div className="chat-reply__row">
          <p data-testid="chat-reply-truncated">{t('chat.truncated')}</p>
          <button type="button" className="button" onClick={onContinue} data-testid="chat-continue">
            {t('chat.continue')}
          </button>
        </div>
      )}
      {actionError && (
        <p className="form-error" role="alert" data-testid="chat-action-error" data-error-code={actionError.code}>
          {t('chat.actionError')} {t(errorKey(actionError.code))}
        </p>
      )}
    </div>
  );
}
