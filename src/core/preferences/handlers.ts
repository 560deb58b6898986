import type { CoreDeps, HandlerGroup } from '../handlers';
import { findPreferences } from './preferences-service';

export const preferencesHandlers = ({ db, session, events, mutations, now, school }: CoreDeps): HandlerGroup<'preferences.get' | 'preferences.update'> => ({
  // What the student sees is what applies here: a setting the school locked shows the school's value.
  'preferences.get': async () => school.applyTo(await findPreferences(db, session.requireUserId())),
  'preferences.update': async (changes) => {
    const userId = session.requireUserId();
    if (changes.language !== undefined) school.refuseIfLocked('language');
    if (changes.theme !== undefined) school.refuseIfLocked('theme');
    const preferences = await mutations.run(userId, 'preferences.update', { changes, at: now().toISOString() });
    events.emit('session.changed', { userId });
    return school.applyTo(preferences);
  },
});
