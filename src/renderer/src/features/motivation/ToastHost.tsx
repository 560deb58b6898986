import { useEffect, useReducer, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { rescueFocus } from '../../lib/focus';
import { useCoreEvent } from '../../lib/use-core-event';
import { Toast } from './Toast';
import { useOutOfTheWay } from './use-out-of-the-way';
import { initialToastState, toastReducer, unseenShown, visibleToasts } from './toast-queue';
import './motivation.css';

/**
 * Points and achievements as they are earned, in the corner of the window. An achievement is toasted
 * once: the core is told it was seen as soon as its toast is on screen, and the toasts of achievements
 * earned while no window showed them come from `achievements.list` when the app starts.
 */
export function ToastHost() {
  const t = useT();
  const [state, dispatch] = useReducer(toastReducer, initialToastState);
  const reported = useRef(new Set<string>());

  useEffect(() => {
    let current = true;
    api.call('achievements.list').then(
      (list) => {
        if (!current) return;
        for (const achievement of list) {
          if (achievement.unlockedAt === null || achievement.seen) continue;
          dispatch({ type: 'achievement', achievementId: achievement.id, name: achievement.name, title: achievement.title, points: achievement.pointsReward });
        }
      },
      // Nothing to show is no reason to disturb the student: the next start tries again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  useCoreEvent('achievement.unlocked', (payload) =>
    dispatch({ type: 'achievement', achievementId: payload.achievementId, name: payload.name, title: payload.title, points: payload.pointsReward }),
  );
  useCoreEvent('motivation.changed', (payload) => dispatch({ type: 'points', points: payload.pointsAwarded, levelReached: payload.levelReached }));

  const shown = unseenShown(state, reported.current).join(' ');
  useEffect(() => {
    if (shown === '') return;
    const achievementIds = shown.split(' ');
    for (const id of achievementIds) reported.current.add(id);
    api.call('achievements.markSeen', { achievementIds }).catch(() => {
      // Not told: the toast may come once more after a restart, which is better than never.
      for (const id of achievementIds) reported.current.delete(id);
    });
  }, [shown]);

  const toasts = visibleToasts(state);
  const host = useRef<HTMLDivElement>(null);
  const top = useOutOfTheWay(host, toasts.length);
  // Where the student was before Tab brought them to a toast: «Закрыть» takes them back there.
  const cameFrom = useRef<HTMLElement | null>(null);
  const [dismissals, setDismissals] = useState(0);
  // A toast closed while the focus was in it (by «Закрыть»): the next toast's «Закрыть», or back.
  useEffect(() => {
    if (dismissals === 0) return;
    rescueFocus(host.current?.querySelector<HTMLElement>('[data-testid="toast-dismiss"]') ?? cameFrom.current ?? document.getElementById('main'));
  }, [dismissals]);

  return (
    <div
      ref={host}
      className={top ? 'toast-host toast-host--top' : 'toast-host'}
      role="status"
      aria-live="polite"
      aria-label={t('toast.region')}
      onFocus={(event) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
      }}
      data-testid="toast-host"
      data-position={top ? 'top' : 'bottom'}
    >
      <ul className="toast-list">
        {toasts.map((toast) => (
          <Toast
            key={toast.key}
            toast={toast}
            onDismiss={() => {
              dispatch({ type: 'dismiss', key: toast.key });
              setDismissals((count) => count + 1);
            }}
          />
        ))}
      </ul>
    </div>
  );
}
