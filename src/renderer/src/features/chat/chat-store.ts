import { create } from 'zustand';
import type { ChatSession } from '../../../../shared/contract';

/**
 * What the chat screen keeps while the student moves between conversations (each one is its own
 * route, and the page starts over with each): the search words, the message a search hit opened,
 * and the last list of conversations (shown at once while the fresh one loads).
 */
interface ChatScreenState {
  searchText: string;
  highlight: { sessionId: string; messageId: string } | null;
  /** The last list seen, with whose it is: another account never sees it. */
  sessions: { userId: string; list: ChatSession[] } | null;
}

export const useChatScreen = create<ChatScreenState>()(() => ({ searchText: '', highlight: null, sessions: null }));

export const setSearchText = (searchText: string) => useChatScreen.setState({ searchText });
export const setHighlight = (highlight: ChatScreenState['highlight']) => useChatScreen.setState({ highlight });
export const rememberSessions = (userId: string, list: ChatSession[]) => useChatScreen.setState({ sessions: { userId, list } });
