import { useCallback, useEffect, useMemo } from 'react';
import type { ChatSearchHit, ChatSession } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { useSession } from '../../session';
import { ChatSearch } from './ChatSearch';
import { rememberSessions, setHighlight, setSearchText, useChatScreen } from './chat-store';
import { Conversation } from './Conversation';
import { NewSessionButton } from './NewSessionButton';
import { SessionList } from './SessionList';
import './chat.css';

/**
 * `#/chat` and `#/chat/<sessionId>`: the student's conversations with the teacher on the left (with
 * «Новый разговор» and a search through them), the open one on the right.
 */
export function ChatPage({ sessionId }: { sessionId: string | null }) {
  const t = useT();
  const userId = useSession((state) => state.user?.id ?? null);
  const sessions = useCall('chat.listSessions', undefined);
  const courses = useCall('courses.list', undefined);
  const searchText = useChatScreen((state) => state.searchText);
  const highlight = useChatScreen((state) => state.highlight);
  const remembered = useChatScreen((state) => state.sessions);
  // The list shows when each conversation last had a message.
  useCoreEvent('chat.replyFinished', sessions.refresh);
  useCoreEvent('sync.pulled', ({ chatSessionIds }) => {
    if (chatSessionIds.length > 0) sessions.refresh();
  });
  useEffect(() => {
    if (userId && sessions.data) rememberSessions(userId, sessions.data);
  }, [userId, sessions.data]);

  const courseTitles = useMemo(() => new Map((courses.data ?? []).map((course) => [course.id, course.title])), [courses.data]);
  // Each conversation is its own route and the page starts over: the list it had shows until the fresh one is in.
  const list = sessions.data ?? (remembered && remembered.userId === userId ? remembered.list : undefined);
  const session = list?.find((candidate) => candidate.id === sessionId);

  const created = (newSession: ChatSession) => {
    sessions.update((current) => [newSession, ...current.filter((candidate) => candidate.id !== newSession.id)]);
    if (userId) rememberSessions(userId, [newSession, ...(list ?? []).filter((candidate) => candidate.id !== newSession.id)]);
  };
  // A search hit marks its message once, in the conversation it opened.
  const clearHighlight = useCallback(() => setHighlight(null), []);
  const openHit = (hit: ChatSearchHit) => {
    setHighlight({ sessionId: hit.sessionId, messageId: hit.messageId });
    navigate({ name: 'chatSession', sessionId: hit.sessionId });
  };

  return (
    <section className="page chat-page">
      <PageTitle title={t('chat.title')} />
      <div className="chat-layout">
        <aside className="chat-sidebar" aria-label={t('chat.sessions')}>
          <NewSessionButton onCreated={created} />
          <ChatSearch text={searchText} onChange={setSearchText} onOpen={openHit} />
          {sessions.error && !list ? (
            <ErrorState title={t('chat.loadError')} error={sessions.error} onRetry={sessions.reload} />
          ) : !list ? (
            <LoadingState message={t('chat.loading')} />
          ) : list.length === 0 ? (
            <p className="muted" data-testid="chat-no-sessions-hint">
              {t('chat.noSessionsHint')}
            </p>
          ) : (
            <SessionList sessions={list} selectedId={sessionId} courseTitles={courseTitles} />
          )}
        </aside>
        <div className="chat-main">
          {sessionId !== null ? (
            <Conversation
              key={sessionId}
              sessionId={sessionId}
              session={session}
              highlightMessageId={highlight?.sessionId === sessionId ? highlight.messageId : null}
              onHighlightShown={clearHighlight}
              onActivity={sessions.refresh}
            />
          ) : list && list.length === 0 ? (
            <EmptyState title={t('chat.empty.title')} text={t('chat.empty.text')} testId="chat-empty" />
          ) : (
            <EmptyState title={t('chat.pick.title')} text={t('chat.pick.text')} testId="chat-pick" />
          )}
        </div>
      </div>
    </section>
  );
}
