import type { ChatSession } from '../../../../shared/contract';
import type { ChatSessionType } from '../../../../shared/domain';
import type { TextKey, Translate } from '../../i18n';

export const sessionTypeKey = (type: ChatSessionType): TextKey => `chat.type.${type}`;

/** «25 ноября» (with the year when it is not this year's); null for a date that cannot be read. */
export function formatDay(iso: string, locale: string, now: Date = new Date()): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(date);
}

/** «14:05», or the day when it was not today. */
export function formatWhen(iso: string, locale: string, now: Date = new Date()): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  if (date.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  }
  return formatDay(iso, locale, now);
}

/** What the list calls a conversation: its title from the core, else «Разговор от 25 ноября». */
export function sessionTitle(session: Pick<ChatSession, 'title' | 'startedAt'>, t: Translate, locale: string, now: Date = new Date()): string {
  const title = session.title?.trim();
  if (title) return title;
  const day = formatDay(session.startedAt, locale, now);
  return day ? t('chat.session.untitled', { date: day }) : t('chat.session.untitledNoDate');
}
