import { api } from '../../lib/api';
import { useSession } from '../../session';

/** Sessions the screen left, ended a moment later unless it comes straight back (a re-mount). */
const leaving = new Map<string, ReturnType<typeof setTimeout>>();

/** The conversation is open again: it does not end after all. */
export function keepSession(sessionId: string): void {
  const timer = leaving.get(sessionId);
  if (timer !== undefined) clearTimeout(timer);
  leaving.delete(sessionId);
}

/** The student left the conversation: tell the core (fire and forget; a failure changes nothing on screen). */
export function endSessionLater(sessionId: string): void {
  keepSession(sessionId);
  leaving.set(
    sessionId,
    setTimeout(() => {
      leaving.delete(sessionId);
      // Left because the student signed out: the core ends nothing for nobody (it would refuse, 401).
      if (useSession.getState().status !== 'signedIn') return;
      void api.call('chat.endSession', { sessionId }).catch(() => undefined);
    }, 0),
  );
}
