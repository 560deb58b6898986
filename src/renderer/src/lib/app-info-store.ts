import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract';
import { api } from './api';
import { toApiError, type ApiError } from './api-error';

interface AppInfoState {
  info: AppInfo | null;
  error: ApiError | null;
  loading: boolean;
  /** Asks the core for `app.info`; the header and the settings page share the answer. */
  load: () => Promise<void>;
}

export const useAppInfo = create<AppInfoState>()((set, get) => ({
  info: null,
  error: null,
  loading: false,
  load: async () => {
    if (get().loading) return;
    set({ loading: true, error: null });
    try {
      set({ info: await api.call('app.info'), loading: false });
    } catch (error) {
      set({ error: toApiError(error), loading: false });
    }
  },
}));
