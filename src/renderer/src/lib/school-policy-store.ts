import { create } from 'zustand';
import type { SchoolPolicyView } from '../../../shared/contract';
import type { LockableSetting } from '../../../shared/school-config';
import { api } from './api';

interface SchoolPolicyState {
  /** Null until the core answered (or when it could not: then nothing is shown as locked, and the core still refuses). */
  policy: SchoolPolicyView | null;
  /** The core answered, or could not: screens that depend on the policy stop waiting. */
  settled: boolean;
  /** Asks the core for `school.policy` once: it is fixed for the app's run. */
  load: () => Promise<void>;
}

let loading: Promise<void> | null = null;

/** The school's rules for this computer (README: "School-wide configuration"), shared by every screen. */
export const useSchoolPolicy = create<SchoolPolicyState>()((set, get) => ({
  policy: null,
  settled: false,
  load: () => {
    if (get().policy) return Promise.resolve();
    loading ??= api.call('school.policy').then(
      (policy) => set({ policy, settled: true }),
      () => {
        // Try again next time; the page keeps working without it (and the core still enforces the rules).
        loading = null;
        set({ settled: true });
      },
    );
    return loading;
  },
}));

/** True when the school locked this setting on this computer. */
export const useLockedBySchool = (setting: LockableSetting): boolean =>
  useSchoolPolicy((state) => state.policy?.locked.includes(setting) ?? false);

/** The issue the core sends when it refuses a locked setting or self-registration. */
export const isSchoolRefusal = (error: { issues: readonly { message: string }[] } | null | undefined, reason: 'locked_by_school' | 'self_registration_disabled') =>
  error?.issues.some((issue) => issue.message === reason) ?? false;
