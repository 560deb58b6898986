import { useEffect, useId, useRef, useState } from 'react';
import type { ChatSession } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useReturnFocus } from '../../lib/focus';
import { useAction } from '../../lib/use-action';

type NewType = Extract<ChatSession['sessionType'], 'interactive' | 'voice'>;

/** «Новый разговор»: a written one or a voice one (the teacher's replies are read aloud). */
export function NewSessionButton({ onCreated }: { onCreated: (session: ChatSession) => void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useReturnFocus(open, toggle);
  const start = useAction(async (sessionType: NewType) => {
    const session = await api.call('chat.startSession', { sessionType });
    setOpen(false);
    onCreated(session);
    navigate({ name: 'chatSession', sessionId: session.id });
  });
  useEffect(() => {
    if (open) panel.current?.querySelector('button')?.focus();
  }, [open]);

  return (
    <div className="chat-new">
      <button
        ref={toggle}
        type="button"
        className="button button--primary chat-new__toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((value) => !value)}
        data-testid="chat-new"
      >
        <span aria-hidden="true">+ </span>
        {t('chat.new')}
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          ref={panel}
          className="chat-new__panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          {(['interactive', 'voice'] as const).map((type) => (
            <button
              key={type}
              type="button"
              className="tile-button chat-new__choice"
              disabled={start.pending}
              onClick={() => void start.run(type)}
              data-testid={`chat-new-${type}`}
            >
              <span className="chat-new__choice-title">{type === 'voice' ? t('chat.new.voice') : t('chat.new.interactive')}</span>
              <span className="chat-new__choice-hint">{type === 'voice' ? t('chat.new.voiceHint') : t('chat.new.interactiveHint')}</span>
            </button>
          ))}
          {start.error && (
            <p className="form-error" role="alert">
              {t('chat.new.error')} {t(errorKey(start.error.code))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
