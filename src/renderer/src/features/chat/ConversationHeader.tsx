import type { ChatSession } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { localeOf, useLanguage, useT } from '../../i18n';
import { formatDay, sessionTitle } from './session-label';
import { SessionTypeBadge } from './SessionTypeBadge';

/** The open conversation's title, kind and lesson; in a voice conversation, how replies are read. */
export function ConversationHeader({ session, titleId, voicesAvailable }: { session: ChatSession | undefined; titleId: string; voicesAvailable: boolean }) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  const started = session ? formatDay(session.startedAt, locale) : null;
  return (
    <header className="chat-conversation__header">
      <h2 id={titleId} className="chat-conversation__title" data-testid="chat-conversation-title">
        {session ? sessionTitle(session, t, locale) : t('chat.conversation')}
      </h2>
      {session && (
        <p className="chat-conversation__meta">
          <SessionTypeBadge type={session.sessionType} testId="chat-session-type" />
          {started && <span>{t('chat.startedOn', { date: started })}</span>}
          {session.lessonId && (
            <a href={hrefFor({ name: 'lesson', lessonId: session.lessonId })} data-testid="chat-open-lesson">
              {t('chat.openLesson')}
            </a>
          )}
        </p>
      )}
      {session?.sessionType === 'voice' && voicesAvailable && <p className="muted">{t('chat.voiceHint')}</p>}
      {!voicesAvailable && (
        <p className={session?.sessionType === 'voice' ? 'notice chat-no-voices' : 'muted chat-no-voices'} data-testid="chat-no-voices">
          {t('chat.read.noVoices')}
        </p>
      )}
    </header>
  );
}
