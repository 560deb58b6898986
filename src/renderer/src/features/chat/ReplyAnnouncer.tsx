import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/contract';
import { useT } from '../../i18n';
import type { ReplyOutcome } from './conversation-state';
import { speechText } from './speech-text';

interface ReplyAnnouncerProps {
  messages: readonly ChatMessage[];
  /** How replies ended while the conversation was open: only those are announced. */
  outcomes: Readonly<Record<string, ReplyOutcome>>;
}

/**
 * Reads a finished reply out to a screen reader (WCAG 4.1.3), once, whole: the list itself is not a live
 * region, or every token would be announced as it arrives.
 */
export function ReplyAnnouncer({ messages, outcomes }: ReplyAnnouncerProps) {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(new Set<string>());
  useEffect(() => {
    const finished = messages.filter(
      (message) => message.role === 'assistant' && !message.streaming && outcomes[message.id]?.status === 'complete' && !announced.current.has(message.id),
    );
    const last = finished.at(-1);
    for (const message of finished) announced.current.add(message.id);
    if (last) setAnnouncement(t('chat.replyAnnouncement', { text: speechText(last.content) }));
  }, [messages, outcomes, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="chat-reply-announcement">
      {announcement}
    </div>
  );
}
