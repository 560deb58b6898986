export { useSession, type SessionStatus, type SignOutNotice } from './session-store';
export { applyTheme } from './apply-preferences';
