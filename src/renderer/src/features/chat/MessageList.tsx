import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ChatMessage } from '../../../../shared/contract';
import { useT } from '../../i18n';
import type { ReplyOutcome } from './conversation-state';
import { MessageBubble } from './MessageBubble';
import type { ReadAloud } from './use-read-aloud';

interface MessageListProps {
  messages: readonly ChatMessage[];
  outcomes: Readonly<Record<string, ReplyOutcome>>;
  hasOlder: boolean;
  /** Resolves true when older messages were added. */
  onLoadOlder: () => Promise<boolean>;
  highlightMessageId: string | null;
  /** The message was scrolled to and marked (it stays marked while the conversation is open). */
  onHighlightShown: () => void;
  readAloud: ReadAloud;
  /** Shown instead of the messages when there are none. */
  empty: ReactNode;
}

/** Pixels from the bottom within which the list keeps following a growing reply. */
const FOLLOW_SLACK = 80;
/** Pages fetched at most to find a message opened from the search. */
const MAX_PAGES_TO_FIND = 20;

/**
 * The messages, oldest first, in their own scrolling area. It follows a reply as it grows while the
 * student is at the bottom (not when they scrolled up to read); a message opened from the search is
 * scrolled to and marked, fetching older pages until it is there.
 */
export function MessageList({ messages, outcomes, hasOlder, onLoadOlder, highlightMessageId, onHighlightShown, readAloud, empty }: MessageListProps) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [found, setFound] = useState<string | null>(null);

  // Follow the bottom (on open, and as tokens arrive) unless a search hit is to be shown.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || highlightMessageId !== null || !following.current) return;
    element.scrollTop = element.scrollHeight;
  }, [messages, highlightMessageId]);
  // The list is as high as the window leaves it: when that changes (a resized window, a taller question
  // box), a student at the bottom stays at the bottom.
  useEffect(() => {
    const element = list.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (following.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const pagesTried = useRef(0);
  useEffect(() => {
    pagesTried.current = 0;
  }, [highlightMessageId]);
  // Each page that arrives runs this again, until the message is there or there is nothing older.
  useEffect(() => {
    if (highlightMessageId === null) return;
    const target = list.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(highlightMessageId)}"]`);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      following.current = false;
      setFound(highlightMessageId);
      onHighlightShown();
      return;
    }
    if (loadingOlder) return;
    if (!hasOlder || pagesTried.current >= MAX_PAGES_TO_FIND) {
      // Not in this conversation (any more): give up quietly and follow the bottom again.
      following.current = true;
      onHighlightShown();
      return;
    }
    pagesTried.current += 1;
    setLoadingOlder(true);
    void onLoadOlder().finally(() => setLoadingOlder(false));
  }, [highlightMessageId, messages, hasOlder, loadingOlder, onLoadOlder, onHighlightShown]);

  const older = async () => {
    const element = list.current;
    const fromBottom = element ? element.scrollHeight - element.scrollTop : 0;
    setLoadingOlder(true);
    await onLoadOlder();
    setLoadingOlder(false);
    // Keep the message the student was reading where it was.
    requestAnimationFrame(() => {
      if (element) element.scrollTop = element.scrollHeight - fromBottom;
    });
  };

  return (
    <div
      ref={list}
      className="chat-messages"
      tabIndex={0}
      aria-label={t('chat.messages')}
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_SLACK;
      }}
      data-testid="chat-messages"
    >
      {hasOlder && (
        <button type="button" className="link-button chat-messages__older" onClick={() => void older()} disabled={loadingOlder} data-testid="chat-older">
          {loadingOlder ? t('common.loading') : t('chat.older')}
        </button>
      )}
      {messages.length === 0
        ? empty
        : messages.map((message) => (
            <MessageBubble
              key={message.id}
              message={message}
              outcome={outcomes[message.id]}
              highlighted={message.id === found}
              readAloud={readAloud}
            />
          ))}
    </div>
  );
}
