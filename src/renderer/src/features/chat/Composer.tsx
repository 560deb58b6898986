import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../../../shared/contract/chat';
import { useT } from '../../i18n';

/** The counter shows once a message gets this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX_LENGTH - 1_000;

interface ComposerProps {
  draft: string;
  onDraft: (text: string) => void;
  /** Resolves true when the core took the message (then the box empties). */
  onSend: (text: string) => Promise<boolean>;
  /** A reply is on its way: the box waits for it. */
  busy: boolean;
  /** Takes the focus (after an example question was picked). */
  focusKey: number;
}

/** The question box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ draft, onDraft, onSend, busy, focusKey }: ComposerProps) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  // The box is disabled while the reply comes; whoever was typing gets the focus back after it.
  const refocus = useRef(false);
  useEffect(() => {
    if (!busy && refocus.current) {
      refocus.current = false;
      box.current?.focus();
    }
  }, [busy]);
  useEffect(() => {
    if (focusKey > 0) box.current?.focus();
  }, [focusKey]);

  const text = draft.trim();
  const send = () => {
    if (busy || text === '') return;
    refocus.current = true;
    void onSend(text).then((sent) => {
      if (sent) onDraft('');
    });
  };
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  return (
    <form
      className="chat-composer"
      // Toasts move out of the way of the box and «Отправить», wherever the focus is (use-out-of-the-way).
      data-keep-clear-of-toasts=""
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('chat.input.label')}
      </label>
      <textarea
        id={id}
        ref={box}
        className="field__input chat-composer__input"
        rows={2}
        maxLength={MESSAGE_MAX_LENGTH}
        placeholder={t('chat.input.placeholder')}
        value={draft}
        disabled={busy}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={keyDown}
        aria-describedby={`${id}-hint`}
        data-testid="chat-input"
      />
      <div className="chat-composer__row">
        <p id={`${id}-hint`} className="field__hint">
          {draft.length >= COUNTER_FROM ? t('chat.input.length', { length: draft.length, max: MESSAGE_MAX_LENGTH }) : t('chat.input.hint')}
        </p>
        <button type="submit" className="button button--primary" disabled={busy || text === ''} data-testid="chat-send">
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
