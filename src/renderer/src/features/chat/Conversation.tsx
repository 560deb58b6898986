import { useId, useState } from 'react';
import type { ChatSession } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { canRetry, lastOutcome, streamingReply, visibleMessages } from './conversation-state';
import { Composer } from './Composer';
import { ConversationEmpty } from './ConversationEmpty';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import { ReplyAnnouncer } from './ReplyAnnouncer';
import { ReplyControls } from './ReplyControls';
import { useConversation } from './use-conversation';
import { useReadAloud } from './use-read-aloud';
import { useAutoRead } from './use-auto-read';

interface ConversationProps {
  sessionId: string;
  /** From the list; undefined until it has loaded (or for a conversation that is not the student's). */
  session: ChatSession | undefined;
  /** A message to scroll to and mark (opened from the search). */
  highlightMessageId: string | null;
  onHighlightShown: () => void;
  /** A question was sent: the list shows it (as the title of a new conversation) and its time. */
  onActivity: () => void;
}

/** A session id that is not one (or not this student's) is «not found», not a failure to retry. */
const isMissing = (error: ApiError) => error.code === 'not_found' || error.code === 'invalid_input' || error.code === 'forbidden';

/** The open conversation: its messages, the reply as it streams in, the question box. */
export function Conversation({ sessionId, session, highlightMessageId, onHighlightShown: highlightShown, onActivity }: ConversationProps) {
  const t = useT();
  const titleId = useId();
  const conversation = useConversation(sessionId);
  const readAloud = useReadAloud();
  const [draft, setDraft] = useState('');
  const [focusKey, setFocusKey] = useState(0);
  const { state, load, busy } = conversation;
  useAutoRead(state, session?.sessionType === 'voice', readAloud);

  const send = async (content: string) => {
    const sent = await conversation.send(content);
    if (sent) onActivity();
    return sent;
  };
  const pick = (question: string) => {
    setDraft(question);
    setFocusKey((key) => key + 1);
  };

  const messages = visibleMessages(state);
  const last = lastOutcome(state);
  return (
    <section className="card chat-conversation" aria-labelledby={titleId} data-testid="chat-conversation" data-session-id={sessionId}>
      <ConversationHeader session={session} titleId={titleId} voicesAvailable={readAloud.available} />
      {load.kind === 'loading' ? (
        <LoadingState message={t('chat.loadingMessages')} />
      ) : load.kind === 'failed' ? (
        isMissing(load.error) ? (
          <ErrorState title={t('chat.notFound.title')} message={t('chat.notFound.text')} error={load.error} />
        ) : (
          <ErrorState title={t('chat.loadMessagesError')} error={load.error} onRetry={conversation.reload} />
        )
      ) : (
        <>
          <MessageList
            messages={messages}
            outcomes={state.outcomes}
            hasOlder={load.hasOlder}
            onLoadOlder={conversation.loadOlder}
            highlightMessageId={highlightMessageId}
            onHighlightShown={highlightShown}
            readAloud={readAloud}
            empty={!busy && messages.length === 0 ? <ConversationEmpty session={session} onPick={pick} /> : null}
          />
          <ReplyAnnouncer messages={messages} outcomes={state.outcomes} />
          <ReplyControls
            busy={busy}
            streaming={streamingReply(state) !== null}
            last={last?.outcome ?? null}
            canRetry={canRetry(state)}
            actionError={conversation.actionError}
            onStop={conversation.stop}
            onRetry={conversation.retry}
            onContinue={() => void conversation.send(t('chat.continuePrompt'))}
          />
          <Composer draft={draft} onDraft={setDraft} onSend={send} busy={busy} focusKey={focusKey} />
        </>
      )}
    </section>
  );
}
