import { create } from 'zustand';
import type { EventPayload, SyncStatus } from '../../../../shared/contract';
import { api } from '../../lib/api';
import { toApiError, type ApiError } from '../../lib/api-error';

interface SyncState {
  /** Where the signed-in student's sync stands; null until the core answered. */
  status: SyncStatus | null;
  error: ApiError | null;
  /** «Синхронизировать» was pressed and has not answered yet. */
  syncing: boolean;
  load: () => Promise<void>;
  /** A `sync.status` event: the core says what changed. */
  apply: (event: EventPayload<'sync.status'>) => void;
  /** A fresh status from a call (link, unlink, sync now). */
  show: (status: SyncStatus) => void;
  syncNow: () => Promise<void>;
  /** Another student signed in: forget the last one's. */
  reset: () => void;
}

/** Answers of `sync.status` older than the newest request are dropped. */
let latest = 0;

/** The signed-in student's sync, shared by the header's chip and Settings → «Синхронизация». */
export const useSyncStatus = create<SyncState>()((set, get) => ({
  status: null,
  error: null,
  syncing: false,

  load: async () => {
    const ticket = ++latest;
    try {
      const status = await api.call('sync.status');
      if (ticket === latest) set({ status, error: null });
    } catch (failure) {
      if (ticket === latest) set({ error: toApiError(failure) });
    }
  },

  apply: (event) => {
    const current = get().status;
    // Linked or unlinked meanwhile (another window): the server and device come with the full status.
    if (!current || (current.state === 'unlinked') !== (event.state === 'unlinked')) {
      void get().load();
      return;
    }
    latest += 1;
    set({ status: { ...current, state: event.state, pending: event.pending, lastSyncedAt: event.at, reason: event.reason }, error: null });
  },

  show: (status) => {
    latest += 1;
    set({ status, error: null });
  },

  syncNow: async () => {
    if (get().syncing) return;
    set({ syncing: true });
    try {
      get().show(await api.call('sync.now'));
    } finally {
      set({ syncing: false });
    }
  },

  reset: () => {
    latest += 1;
    set({ status: null, error: null, syncing: false });
  },
}));
