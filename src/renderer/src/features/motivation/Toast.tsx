import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { AchievementIcon } from '../achievements/AchievementIcon';
import { achievementTitle } from '../achievements/achievement-text';
import type { Toast as ToastData } from './toast-queue';

/** Long enough to read slowly, short enough not to be in the way; paused while the pointer or focus is on it. */
const SHOWN_MS: Readonly<Record<ToastData['kind'], number>> = { points: 10_000, achievement: 15_000 };

export function Toast({ toast, onDismiss }: { toast: ToastData; onDismiss: () => void }) {
  const t = useT();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const paused = hovered || focused;
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  // The timer restarts when the student looks away again, not whenever another toast arrives.
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => dismiss.current(), SHOWN_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [paused, toast.kind]);

  return (
    <li
      className={`toast toast--${toast.kind}`}
      data-testid="toast"
      data-kind={toast.kind}
      data-achievement-name={toast.kind === 'achievement' ? toast.name : undefined}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      // Escape closes the toast the focus is in, as it closes a dialog.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDismiss();
      }}
    >
      <span className="toast__icon">
        <AchievementIcon name={toast.kind === 'achievement' ? 'trophy' : 'star'} size={22} />
      </span>
      <p className="toast__text">
        {toast.kind === 'achievement' ? (
          t('toast.achievement', { title: achievementTitle(t, toast), count: toast.points })
        ) : (
          <>
            {toast.points > 0 && <span>{t('toast.points', { count: toast.points })}</span>}
            {toast.levelReached !== null && <span className="toast__level">{t('toast.level', { level: toast.levelReached })}</span>}
          </>
        )}
      </p>
      <button type="button" className="toast__close" onClick={onDismiss} aria-label={t('toast.dismiss')} data-testid="toast-dismiss">
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
