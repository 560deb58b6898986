import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../../../shared/contract';
import { AccountAvatar } from '../components/AccountAvatar';
import { errorKey, useT } from '../i18n';
import { useAction } from '../lib/use-action';
import { useSession, type SignOutNotice } from '../session';
import { useSyncStatus } from '../features/sync/sync-store';
import { navigate } from './router';

/** The signed-in account in the header: picture and name, opening «Сменить пользователя» and «Выйти». */
export function UserMenu({ user }: { user: SessionUser }) {
  const t = useT();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const signOut = useAction((notice: SignOutNotice) => useSession.getState().signOut(notice));
  const [leaving, setLeaving] = useState<SignOutNotice>(null);
  const leave = (notice: SignOutNotice) => {
    setLeaving(notice);
    void signOut.run(notice);
  };
  // Sign-out first sends what waits (the core bounds it to a few seconds): say so instead of seeming stuck.
  const sync = useSyncStatus((state) => state.status);
  const sending = signOut.pending && sync !== null && sync.state !== 'unlinked' && sync.pending > 0;
  const label = (notice: SignOutNotice, idle: string) => (sending && leaving === notice ? t('userMenu.sending') : idle);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return (
    <div
      className="user-menu"
      ref={root}
      onBlur={(event) => {
        // Tab past the last item (or a click elsewhere) closes it: an open menu must not hide what has the focus.
        if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="user-menu__toggle"
        aria-expanded={open}
        aria-controls={menuId}
        title={t('userMenu.label', { name: user.fullName })}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu"
      >
        <AccountAvatar account={user} testId="header-avatar" />
        <span className="user-menu__name" data-testid="student-name">
          {user.fullName}
        </span>
        <span className="user-menu__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div id={menuId} className="user-menu__panel">
          <ul className="user-menu__list">
            <li>
              <button
                type="button"
                className="user-menu__item"
                onClick={() => {
                  setOpen(false);
                  navigate({ name: 'profile' });
                }}
              >
                {t('userMenu.profile')}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="user-menu__item"
                disabled={signOut.pending}
                onClick={() => leave(null)}
                data-testid="switch-user-button"
              >
                {label(null, t('userMenu.switchUser'))}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="user-menu__item"
                disabled={signOut.pending}
                onClick={() => leave('signedOut')}
                data-testid="signout-button"
              >
                {label('signedOut', t('userMenu.signOut'))}
              </button>
            </li>
          </ul>
          {sending && (
            <p className="user-menu__note" role="status" data-testid="signout-sending">
              {t('userMenu.sendingNote', { count: sync.pending })}
            </p>
          )}
          {signOut.error && (
            <p className="form-error" role="alert">
              {t('userMenu.signOutError')} {t(errorKey(signOut.error.code))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
