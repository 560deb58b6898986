import { useId } from 'react';
import type { ChatMessage } from '../../../../shared/contract';
import { useT } from '../../i18n';
import type { ReadAloud } from './use-read-aloud';

/** «Прочитать вслух» / «Остановить чтение»; without voices on this computer, says so instead of doing nothing. */
export function ReadAloudButton({ message, readAloud }: { message: ChatMessage; readAloud: ReadAloud }) {
  const t = useT();
  const id = useId();
  if (!readAloud.available) {
    return (
      <>
        <button
          type="button"
          className="button button--small-inline button--disabled"
          aria-disabled="true"
          aria-describedby={id}
          title={t('chat.read.noVoices')}
          onClick={(event) => event.preventDefault()}
          data-testid="chat-read-aloud"
          data-available="false"
        >
          {t('chat.read.aloud')}
        </button>
        <span id={id} className="visually-hidden">
          {t('chat.read.noVoices')}
        </span>
      </>
    );
  }
  const speaking = readAloud.speakingId === message.id;
  return (
    <button
      type="button"
      className="button button--small-inline"
      aria-pressed={speaking}
      onClick={() => (speaking ? readAloud.stop() : readAloud.read(message))}
      data-testid="chat-read-aloud"
      data-available="true"
    >
      {speaking && <span aria-hidden="true">■ </span>}
      {speaking ? t('chat.read.stop') : t('chat.read.aloud')}
    </button>
  );
}
