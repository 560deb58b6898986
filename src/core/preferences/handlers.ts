import type { CoreDeps, HandlerGroup } from '../handlers';
import { runMutation } from '../mutations/run-mutation';
import { findPreferences, updatePreferences } from './preferences-service';

export const preferencesHandlers = ({ db, session, events, now }: CoreDeps): HandlerGroup<'preferences.get' | 'preferences.update'> => ({
  'preferences.get': async () => findPreferences(db, session.requireUserId()),
  'preferences.update': async (changes) => {
    const userId = session.requireUserId();
    const preferences = await runMutation(db, userId, 'preferences.update', updatePreferences, { changes, at: now().toISOString() });
    events.emit('session.changed', { userId });
    return preferences;
  },
});
