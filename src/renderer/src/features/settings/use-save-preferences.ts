import type { PreferencesChange } from '../../../../shared/contract';
import { useAction } from '../../lib/use-action';
import { useSession } from '../../session';

/** Applies a preference at once and saves it in the student's account; the failure is kept for the setting to show. */
export function useSavePreferences() {
  return useAction((change: PreferencesChange) => useSession.getState().updatePreferences(change));
}
