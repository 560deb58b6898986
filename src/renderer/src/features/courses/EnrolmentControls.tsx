import { useEffect, useRef, useState } from 'react';
import type { Enrolment } from '../../../../shared/contract';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';

type SettableStatus = 'active' | 'paused' | 'dropped';

/**
 * «Поставить на паузу» and «Оставить курс» (after a confirm step) on an active course, «Продолжить курс»
 * on a paused or dropped one. A completed course stays completed, so it gets no controls.
 */
export function EnrolmentControls({ enrolment, onChanged }: { enrolment: Enrolment; onChanged: (enrolment: Enrolment) => void }) {
  const t = useT();
  const { courseId, status } = enrolment;
  const [confirming, setConfirming] = useState(false);
  const dropButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  /** «Поставить на паузу» or «Продолжить курс», whichever is shown. */
  const mainButton = useRef<HTMLButtonElement>(null);
  const shownStatus = useRef(status);
  const change = useAction(async (next: SettableStatus) => {
    onChanged(await api.call('courses.setStatus', { courseId, status: next }));
    setConfirming(false);
  });

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  // The pressed button goes away with the old status: do not leave the focus on the page itself.
  useEffect(() => {
    if (shownStatus.current === status) return;
    shownStatus.current = status;
    if (document.activeElement === null || document.activeElement === document.body) mainButton.current?.focus();
  }, [status]);

  if (status === 'completed') return null;
  const error = change.error && (
    <p className="form-error" role="alert">
      {t('course.statusError')} {t(errorKey(change.error.code))}
    </p>
  );
  if (status !== 'active') {
    return (
      <div className="enrolment-controls" role="group" aria-label={t('course.enrolmentActions')}>
        <div className="form__actions">
          <button
            ref={mainButton}
            type="button"
            className="button button--primary"
            onClick={() => void change.run('active')}
            disabled={change.pending}
            aria-busy={change.pending}
            data-testid="resume-course"
          >
            {t('course.resume')}
          </button>
        </div>
        {error}
      </div>
    );
  }
  const cancel = () => {
    setConfirming(false);
    change.clearError();
    dropButton.current?.focus();
  };
  return (
    <div className="enrolment-controls" role="group" aria-label={t('course.enrolmentActions')}>
      <div className="form__actions">
        <button
          ref={mainButton}
          type="button"
          className="button"
          onClick={() => void change.run('paused')}
          disabled={change.pending}
          data-testid="pause-course"
        >
          {t('course.pause')}
        </button>
        <button
          ref={dropButton}
          type="button"
          className="button"
          onClick={() => setConfirming(true)}
          disabled={change.pending}
          aria-expanded={confirming}
          data-testid="drop-course"
        >
          {t('course.drop')}
        </button>
      </div>
      {confirming && (
        <div className="enrolment-controls__confirm">
          <p>{t('course.dropText')}</p>
          <div className="form__actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button--danger"
              onClick={() => void change.run('dropped')}
              disabled={change.pending}
              aria-busy={change.pending}
              data-testid="drop-confirm"
            >
              {t('course.dropConfirm')}
            </button>
            <button type="button" className="button" onClick={cancel} disabled={change.pending} data-testid="drop-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error}
    </div>
  );
}
