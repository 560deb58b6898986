import type { Preferences, SchoolPolicyView, SchoolStatus } from '../../shared/contract';
import type { Language, Theme } from '../../shared/domain';
import type { LockableSetting, SchoolAi, SchoolConfig, SchoolUpdates } from '../../shared/school-config';
import { AppError } from '../errors/app-error';
import { NO_SCHOOL_CONFIG, type LoadedSchoolConfig } from './load-school-config';

/** The built-in defaults a locked language or theme falls back to when the file names no value. */
const BUILT_IN = { language: 'ru' as Language, theme: 'system' as Theme };

const SETTING_NAMES: Record<LockableSetting, string> = {
  ai: 'The AI teacher',
  language: 'The interface language',
  theme: 'The theme',
  syncServerUrl: 'The sync server',
};

/** The issue message the page recognises: «Настройку задаёт школа». */
export const LOCKED_BY_SCHOOL = 'locked_by_school';
export const SELF_REGISTRATION_DISABLED = 'self_registration_disabled';

/**
 * The school's rules as the core enforces them (never only the page). Precedence of every setting:
 * school-locked > the student's own > the computer's (set by an admin in the app, AI only) > school
 * default > built-in.
 */
export interface SchoolPolicy {
  readonly loaded: LoadedSchoolConfig;
  readonly config: SchoolConfig | null;
  isLocked(setting: LockableSetting): boolean;
  /** Refuses (forbidden, issue `locked_by_school`) when the setting is locked. */
  refuseIfLocked(setting: LockableSetting): void;
  readonly allowSelfRegistration: boolean;
  /** The school's AI teacher (the computer-wide default, or the only one when `ai` is locked). */
  readonly ai: SchoolAi | null;
  /** What the updater reads; null without a valid school configuration. */
  readonly updates: SchoolUpdates | null;
  /** Language and theme a new account starts with. */
  newAccountPreferences(): { language?: Language; theme?: Theme };
  /** A student's stored preferences as they apply on this computer: locked ones replaced by the school's. */
  applyTo(preferences: Preferences): Preferences;
  /** The language the student works in here (for the AI teacher). */
  languageOf(stored: Language): Language;
  view(): SchoolPolicyView;
  status(): SchoolStatus;
}

export function lockedBySchool(setting: LockableSetting): AppError {
  return new AppError('forbidden', `${SETTING_NAMES[setting]} is set by the school on this computer`, [
    { path: setting, message: LOCKED_BY_SCHOOL },
  ]);
}

export function selfRegistrationDisabled(): AppError {
  return new AppError('forbidden', 'Accounts on this computer are created by the school administrator', [
    { path: 'school', message: SELF_REGISTRATION_DISABLED },
  ]);
}

export function createSchoolPolicy(loaded: LoadedSchoolConfig | null | undefined): SchoolPolicy {
  const school = loaded ?? NO_SCHOOL_CONFIG;
  const config = school.config;
  const locked = new Set<LockableSetting>(config?.locked ?? []);
  const isLocked = (setting: LockableSetting) => locked.has(setting);
  const lockedLanguage = isLocked('language') ? (config?.language ?? BUILT_IN.language) : null;
  const lockedTheme = isLocked('theme') ? (config?.theme ?? BUILT_IN.theme) : null;
  return {
    loaded: school,
    config,
    isLocked,
    refuseIfLocked: (setting) => {
      if (isLocked(setting)) throw lockedBySchool(setting);
    },
    allowSelfRegistration: config?.allowSelfRegistration ?? true,
    ai: config?.ai ?? null,
    updates: config?.updates ?? null,
    newAccountPreferences: () => ({
      ...(config?.language ? { language: config.language } : {}),
      ...(config?.theme ? { theme: config.theme } : {}),
    }),
    applyTo: (preferences) => ({
      ...preferences,
      ...(lockedLanguage ? { language: lockedLanguage } : {}),
      ...(lockedTheme ? { theme: lockedTheme } : {}),
    }),
    languageOf: (stored) => lockedLanguage ?? stored,
    view: () => ({
      hasSchoolConfig: config !== null,
      allowSelfRegistration: config?.allowSelfRegistration ?? true,
      locked: [...locked],
      syncServerUrl: config?.syncServerUrl ?? null,
      language: lockedLanguage ?? config?.language ?? null,
      theme: lockedTheme ?? config?.theme ?? null,
      hasProblems: school.problems.length > 0,
    }),
    status: () => ({
      source: school.source,
      searched: [...school.searched],
      applied: config !== null,
      ok: school.problems.length === 0,
      problems: school.problems.map((problem) => ({ ...problem })),
    }),
  };
}
