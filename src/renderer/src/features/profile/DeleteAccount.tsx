import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/CredentialFields';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useReturnFocus } from '../../lib/focus';
import { explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useSession } from '../../session';

/** «Удалить учётную запись», behind a dialog that says what goes and asks for the password. */
export function DeleteAccount() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useReturnFocus(open, opener);
  return (
    <div className="setting">
      <p className="setting__hint">{t('profile.deleteHint')}</p>
      <button ref={opener} type="button" className="button button--danger" onClick={() => setOpen(true)} data-testid="delete-account">
        {t('profile.delete')}
      </button>
      {open && (
        <DeleteDialog onClose={() => setOpen(false)} />
      )}
    </div>
  );
}

function DeleteDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const remove = useAction(async () => {
    await api.call('profile.deleteAccount', { password });
    useSession.getState().forget();
  });

  // A modal <dialog>: the rest of the page is inert and Escape closes it.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== '') void remove.run();
  };
  const issue = fieldErrorsOf(remove.error).password;

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (!remove.pending) onClose();
      }}
      data-testid="delete-dialog"
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog__title">
          {t('profile.deleteTitle')}
        </h2>
        <p id={textId}>{t('profile.deleteText')}</p>
        <PasswordField
          purpose="current"
          label={t('profile.deletePassword')}
          name="password"
          autoFocus
          testId="delete-confirm-password"
          issue={issue}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {remove.error && !explainedByFields(remove.error) && (
          <p className="form-error" role="alert">
            {t('profile.deleteError')} {t(errorKey(remove.error.code))}
          </p>
        )}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--danger"
            disabled={remove.pending || password === ''}
            aria-busy={remove.pending}
            data-testid="delete-confirm"
          >
            {remove.pending ? t('profile.deleting') : t('profile.deleteConfirm')}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={remove.pending} data-testid="delete-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
