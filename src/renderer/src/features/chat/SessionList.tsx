import type { ChatSession } from '../../../../shared/contract';
import { hrefFor } from '../../app/routes';
import { localeOf, useLanguage, useT } from '../../i18n';
import { formatWhen, sessionTitle } from './session-label';
import { SessionTypeBadge } from './SessionTypeBadge';

interface SessionListProps {
  sessions: readonly ChatSession[];
  selectedId: string | null;
  /** Course titles by id, for the conversations about a lesson. */
  courseTitles: ReadonlyMap<string, string>;
}

/** The student's conversations, newest first; the open one is marked. */
export function SessionList({ sessions, selectedId, courseTitles }: SessionListProps) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  return (
    <ul className="chat-sessions" data-testid="chat-sessions">
      {sessions.map((session) => {
        const when = formatWhen(session.lastMessageAt ?? session.startedAt, locale);
        const course = session.courseId ? courseTitles.get(session.courseId) : undefined;
        return (
          <li key={session.id}>
            <a
              className="chat-session"
              href={hrefFor({ name: 'chatSession', sessionId: session.id })}
              aria-current={session.id === selectedId ? 'page' : undefined}
              data-testid="chat-session"
              data-session-id={session.id}
              data-type={session.sessionType}
            >
              <span className="chat-session__title">{sessionTitle(session, t, locale)}</span>
              {course && <span className="chat-session__course">{course}</span>}
              <span className="chat-session__meta">
                <SessionTypeBadge type={session.sessionType} />
                {when && <span className="chat-session__when">{when}</span>}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
