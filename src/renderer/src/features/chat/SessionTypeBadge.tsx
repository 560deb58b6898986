import type { ChatSessionType } from '../../../../shared/domain';
import { useT } from '../../i18n';
import { sessionTypeKey } from './session-label';

/** Each kind in the colours of the lesson statuses' badges, so the app keeps one palette. */
const badgeClass: Record<ChatSessionType, string> = {
  interactive: 'chat-badge',
  lesson: 'badge--completed',
  voice: 'badge--in-progress',
  exam_prep: 'badge--reviewed',
};

/** «Урок», «Голосовой», …: what kind of conversation this is. */
export function SessionTypeBadge({ type, testId }: { type: ChatSessionType; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge ${badgeClass[type]}`} data-testid={testId}>
      {t(sessionTypeKey(type))}
    </span>
  );
}
