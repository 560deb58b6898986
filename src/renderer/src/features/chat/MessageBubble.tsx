import type { ChatMessage } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { localeOf, useLanguage, useT } from '../../i18n';
import { aiReasonKey } from './ai-reason';
import { ServerSaid } from './ServerSaid';
import type { ReplyOutcome } from './conversation-state';
import { ReadAloudButton } from './ReadAloudButton';
import { formatWhen } from './session-label';
import type { ReadAloud } from './use-read-aloud';

interface MessageBubbleProps {
  message: ChatMessage;
  outcome: ReplyOutcome | undefined;
  highlighted: boolean;
  readAloud: ReadAloud;
}

/**
 * One message. The student's is their own words as typed; the teacher's is Markdown with formulas,
 * shown by the safe renderer (no HTML runs, links never take over the app's window).
 */
export function MessageBubble({ message, outcome, highlighted, readAloud }: MessageBubbleProps) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  const teacher = message.role === 'assistant';
  const when = formatWhen(message.createdAt, locale);
  return (
    <article
      className={`chat-message chat-message--${teacher ? 'teacher' : 'student'}${highlighted ? ' chat-message--highlighted' : ''}`}
      tabIndex={-1}
      aria-label={teacher ? t('chat.role.assistant') : t('chat.role.user')}
      data-testid="chat-message"
      data-role={message.role}
      data-message-id={message.id}
      data-streaming={message.streaming}
      data-highlighted={highlighted || undefined}
    >
      <p className="chat-message__author">
        {teacher ? t('chat.role.assistant') : t('chat.role.user')}
        {when && <span className="chat-message__when"> · {when}</span>}
      </p>
      {teacher ? (
        <Markdown text={message.content} className="chat-message__text" testId="chat-message-text" />
      ) : (
        <p className="chat-message__text chat-message__text--plain" data-testid="chat-message-text">
          {message.content}
        </p>
      )}
      {teacher && message.streaming && (
        <p className="chat-message__typing" data-testid="chat-typing">
          <span className="chat-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {t('chat.typing')}
        </p>
      )}
      {teacher && outcome?.fallbackReason && (
        <p className="notice chat-fallback" data-testid="chat-fallback" data-reason={outcome.fallbackReason}>
          {t('chat.fallback')} {t(aiReasonKey(outcome.fallbackReason))}
          {outcome.detail && <ServerSaid detail={outcome.detail} />}
        </p>
      )}
      {teacher && !message.streaming && message.content !== '' && (
        <div className="chat-message__actions">
          <ReadAloudButton message={message} readAloud={readAloud} />
        </div>
      )}
    </article>
  );
}
