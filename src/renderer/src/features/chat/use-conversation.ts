import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { toApiError, type ApiError } from '../../lib/api-error';
import { useCoreEvent } from '../../lib/use-core-event';
import { conversationReducer, initialConversation, isBusy, knowsMessage, type ConversationState } from './conversation-state';
import { endSessionLater, keepSession } from './end-session';

/** Messages fetched at a time; a full page means there may be older ones. */
export const PAGE_SIZE = 50;

export type LoadStatus = { kind: 'loading' } | { kind: 'ready'; hasOlder: boolean } | { kind: 'failed'; error: ApiError };

export interface Conversation {
  state: ConversationState;
  load: LoadStatus;
  busy: boolean;
  /** Why the last send, stop or retry did not reach the core. */
  actionError: ApiError | null;
  reload: () => void;
  loadOlder: () => Promise<boolean>;
  send: (content: string) => Promise<boolean>;
  stop: () => void;
  retry: () => void;
}

/**
 * One open conversation: its messages, the reply streaming in through `chat.token`, and the
 * student's send, «Стоп» and «Повторить». Leaving it (another conversation, another screen) ends
 * the session in the core.
 */
export function useConversation(sessionId: string): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, sessionId, initialConversation);
  const [load, setLoad] = useState<LoadStatus>({ kind: 'loading' });
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  // Set at once (state updates only with the next render): a double Enter sends once.
  const inFlight = useRef(false);

  useEffect(() => {
    keepSession(sessionId);
    return () => endSessionLater(sessionId);
  }, [sessionId]);

  const fetchLatest = useCallback(
    async (quiet: boolean) => {
      try {
        const messages = await api.call('chat.listMessages', { sessionId, limit: PAGE_SIZE });
        dispatch({ type: 'loaded', messages });
        setLoad((current) => (quiet && current.kind === 'ready' ? current : { kind: 'ready', hasOlder: messages.length >= PAGE_SIZE }));
      } catch (failure) {
        if (!quiet) setLoad({ kind: 'failed', error: toApiError(failure) });
      }
    },
    [sessionId],
  );

  useEffect(() => {
    setLoad({ kind: 'loading' });
    void fetchLatest(false);
  }, [fetchLatest, attempt]);

  useCoreEvent('chat.token', (event) => {
    if (event.sessionId === sessionId) dispatch({ type: 'token', messageId: event.messageId, token: event.token });
  });
  useCoreEvent('chat.replyFinished', (event) => {
    if (event.sessionId !== sessionId) return;
    const { messageId, status, provider, failureReason, fallbackReason, detail } = event;
    const unknown = !knowsMessage(latest.current, messageId) && !latest.current.sending;
    dispatch({ type: 'finished', messageId, outcome: { status, provider, failureReason, fallbackReason, detail } });
    // A reply this screen never saw begin (written from elsewhere, or begun before the list): fetch it.
    if (unknown) void fetchLatest(true);
  });
  // Messages written on another device of the student arrive with a sync.
  useCoreEvent('sync.pulled', (event) => {
    if (event.chatSessionIds.includes(sessionId)) void fetchLatest(true);
  });

  const send = useCallback(
    async (content: string) => {
      if (inFlight.current || isBusy(latest.current)) return false;
      inFlight.current = true;
      setActionError(null);
      dispatch({ type: 'sending' });
      try {
        const { message, replyId } = await api.call('chat.sendMessage', { sessionId, content });
        dispatch({ type: 'sent', message, replyId });
        return true;
      } catch (failure) {
        dispatch({ type: 'sendFailed' });
        setActionError(toApiError(failure));
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [sessionId],
  );

  const stop = useCallback(() => {
    setActionError(null);
    api.call('chat.stop', { sessionId }).then(
      ({ stopped }) => {
        // Nothing was being written: the end event may have been missed, do not wait for it forever.
        if (!stopped) dispatch({ type: 'notStreaming' });
      },
      (failure: unknown) => setActionError(toApiError(failure)),
    );
  }, [sessionId]);

  const retry = useCallback(() => {
    if (inFlight.current || isBusy(latest.current)) return;
    inFlight.current = true;
    setActionError(null);
    dispatch({ type: 'sending' });
    api
      .call('chat.retry', { sessionId })
      .then(
        ({ replyId }) => dispatch({ type: 'retried', replyId, at: new Date().toISOString() }),
        (failure: unknown) => {
          dispatch({ type: 'sendFailed' });
          setActionError(toApiError(failure));
        },
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, [sessionId]);

  const loadOlder = useCallback(async () => {
    const first = latest.current.messages[0];
    if (!first) return false;
    try {
      const older = await api.call('chat.listMessages', { sessionId, limit: PAGE_SIZE, beforeMessageId: first.id });
      dispatch({ type: 'olderLoaded', messages: older });
      setLoad({ kind: 'ready', hasOlder: older.length >= PAGE_SIZE });
      return older.length > 0;
    } catch (failure) {
      setActionError(toApiError(failure));
      return false;
    }
  }, [sessionId]);

  return {
    state,
    load,
    busy: isBusy(state),
    actionError,
    reload: () => setAttempt((count) => count + 1),
    loadOlder,
    send,
    stop,
    retry,
  };
}
