import { useId, useState } from 'react';
import { LoadingState } from '../../components/LoadingState';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';

/** «Скрывать список учётных записей на экране входа». */
export function HideListToggle() {
  const t = useT();
  const id = useId();
  const screen = useCall('accounts.signInScreen', undefined);
  const { update } = screen;
  // Shown checked (or not) at once; back to the saved state if the core refuses.
  const [requested, setRequested] = useState<boolean | null>(null);
  const toggle = useAction(async (hidden: boolean) => {
    setRequested(hidden);
    try {
      const { listHidden } = await api.call('accounts.setListHidden', { hidden });
      update((current) => ({ ...current, listHidden }));
    } finally {
      setRequested(null);
    }
  });
  if (!screen.data) {
    return screen.error ? (
      <p className="form-error" role="alert">
        {t('admin.hideListError')} {t(errorKey(screen.error.code))}
      </p>
    ) : (
      <LoadingState message={t('common.loading')} />
    );
  }
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={requested ?? screen.data.listHidden}
        disabled={toggle.pending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => void toggle.run(event.target.checked)}
        data-testid="hide-list-toggle"
      />
      <div>
        <label htmlFor={id} className="checkbox-field__label">
          {t('admin.hideList')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('admin.hideListHint')}
        </p>
        {toggle.error && (
          <p className="form-error" role="alert">
            {t('admin.hideListError')} {t(errorKey(toggle.error.code))}
          </p>
        )}
      </div>
    </div>
  );
}
