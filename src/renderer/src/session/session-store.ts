import { create } from 'zustand';
import type { MethodInput, Preferences, PreferencesChange, SessionUser } from '../../../shared/contract';
import { useLanguage } from '../i18n';
import { api } from '../lib/api';
import { toApiError, type ApiError } from '../lib/api-error';
import { useSchoolPolicy } from '../lib/school-policy-store';
import { applyPreferences, applyTheme } from './apply-preferences';

export type SessionStatus = 'loading' | 'signedOut' | 'signedIn' | 'failed';

/** Why the sign-in screen is showing, when a sentence about it helps. */
export type SignOutNotice = 'signedOut' | 'deleted' | null;

interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  preferences: Preferences | null;
  /** Why the first `accounts.current` failed (status `failed`). */
  error: ApiError | null;
  notice: SignOutNotice;
  /** Asks the core who is signed in (on start, and whenever `session.changed` arrives). */
  load: () => Promise<void>;
  /** Rejects with the core's ApiError (wrong password, rate_limited …) for the form to show. */
  signIn: (login: string, password: string) => Promise<void>;
  register: (input: MethodInput<'accounts.register'>) => Promise<void>;
  signOut: (notice?: SignOutNotice) => Promise<void>;
  /** The account was deleted: the core has already signed out. */
  forget: () => void;
  /** Shows a changed account (name, picture) right away. */
  showUser: (user: SessionUser) => void;
  /** Applies a change at once and saves it; rejects (after re-reading the truth) when the core refuses. */
  updatePreferences: (change: PreferencesChange) => Promise<void>;
}

const signedOut = { status: 'signedOut', user: null, preferences: null, error: null } as const;

/** Answers of `accounts.current` older than the newest request are dropped. */
let latestLoad = 0;
let latestUpdate = 0;
/** Preference changes sent and not yet answered: a refresh meanwhile must not undo them on screen. */
let updatesInFlight = 0;

function merge(preferences: Preferences, change: PreferencesChange): Preferences {
  return {
    theme: change.theme ?? preferences.theme,
    language: change.language ?? preferences.language,
    ttsVoice: change.ttsVoice === undefined ? preferences.ttsVoice : change.ttsVoice,
    ttsSpeed: change.ttsSpeed ?? preferences.ttsSpeed,
    otherSettings: { ...preferences.otherSettings, ...change.otherSettings } as Preferences['otherSettings'],
  };
}

/** Who is signed in on this computer, and their preferences (docs/architecture.md §4: the core knows, the renderer asks). */
export const useSession = create<SessionState>()((set, get) => {
  /** `updatesAtRequest`: how many preference changes had been sent when this answer was asked for. */
  const show = (user: SessionUser | null, preferences: Preferences | null, updatesAtRequest = latestUpdate) => {
    if (!user) {
      applyTheme('system');
      set({ ...signedOut });
      return;
    }
    const sameUser = get().user?.id === user.id;
    // A change sent meanwhile, answered or not, is newer than what this answer read.
    if (sameUser && (updatesInFlight > 0 || updatesAtRequest !== latestUpdate)) {
      set({ status: 'signedIn', user, error: null, notice: null });
      return;
    }
    if (preferences) applyPreferences(preferences);
    set({ status: 'signedIn', user, preferences, error: null, notice: null });
  };

  const fetchCurrent = async () => {
    const ticket = ++latestLoad;
    const updatesAtRequest = latestUpdate;
    const { user, preferences } = await api.call('accounts.current');
    if (ticket === latestLoad) show(user, preferences, updatesAtRequest);
  };

  return {
    status: 'loading',
    user: null,
    preferences: null,
    error: null,
    notice: null,

    load: async () => {
      if (get().status === 'failed') set({ status: 'loading', error: null });
      const ticket = latestLoad + 1;
      try {
        await fetchCurrent();
      } catch (failure) {
        // A failed refresh keeps what is on screen; only a failed start has nothing to show.
        if (ticket === latestLoad && get().status === 'loading') set({ status: 'failed', error: toApiError(failure) });
      }
    },

    signIn: async (login, password) => {
      await api.call('accounts.signIn', { login, password });
      await fetchCurrent();
    },

    register: async (input) => {
      // The language picked on the sign-in screen becomes the new student's own, before anything shows.
      const chosen = useLanguage.getState().language;
      await api.call('accounts.register', input);
      const saved = await api.call('preferences.get').catch(() => null);
      // Unless the school set the language for everyone here: then the core keeps the school's.
      const locked = useSchoolPolicy.getState().policy?.locked.includes('language') ?? false;
      if (saved && !locked && saved.language !== chosen) await api.call('preferences.update', { language: chosen }).catch(() => undefined);
      await fetchCurrent();
    },

    signOut: async (notice = null) => {
      await api.signOutWith(async () => {
        await api.call('accounts.signOut');
      });
      latestLoad += 1;
      show(null, null);
      set({ notice });
    },

    forget: () => {
      latestLoad += 1;
      show(null, null);
      set({ notice: 'deleted' });
    },

    showUser: (user) => {
      if (get().user?.id === user.id) set({ user });
    },

    updatePreferences: async (change) => {
      const before = get().preferences;
      if (!before) return;
      const ticket = ++latestUpdate;
      const optimistic = merge(before, change);
      applyPreferences(optimistic);
      set({ preferences: optimistic });
      updatesInFlight += 1;
      try {
        const saved = await api.call('preferences.update', change);
        if (ticket === latestUpdate && get().status === 'signedIn') {
          applyPreferences(saved);
          set({ preferences: saved });
        }
      } catch (failure) {
        // Show what the core really keeps.
        void get().load();
        throw toApiError(failure);
      } finally {
        updatesInFlight -= 1;
      }
    },
  };
});
