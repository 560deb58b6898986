import type { EventHub } from '../events/event-hub';
import type { PulledChanges } from './pulled-changes';

/**
 * After a pull committed: the events open pages already follow (progress of a course, a new message)
 * and `sync.pulled` for the rest. Never `motivation.changed` or `achievement.unlocked`: those toast
 * «+N очков», and points earned on another device were already celebrated there.
 */
export function tellPages(events: EventHub, changed: PulledChanges): void {
  if (!changed.any) return;
  for (const courseId of changed.courseIds) events.emit('progress.changed', { courseId });
  for (const message of changed.newMessages) events.emit('chat.message', message);
  events.emit('sync.pulled', { courseIds: changed.courseIds, chatSessionIds: changed.chatSessionIds, motivation: changed.motivation });
}
