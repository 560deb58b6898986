import { useState, type FormEvent } from 'react';
import { contract, type AccountSummary } from '../../../../shared/contract';
import { TextField } from '../../components/TextField';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';

/** A new password for a student who forgot theirs; the admin tells it to them. */
export function ResetPasswordForm({ account, onDone }: { account: AccountSummary; onDone: () => void }) {
  const t = useT();
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const reset = useAction(async () => {
    const input = checkInput(contract['accounts.resetPassword'].input, { userId: account.id, newPassword });
    await api.call('accounts.resetPassword', input);
    setDone(true);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reset.run();
  };
  if (done) {
    return (
      <div className="reset-done">
        <p className="form-success" role="status" data-testid="admin-reset-done">
          {t('admin.resetDone')}
        </p>
        <button type="button" className="button button--small-inline" onClick={onDone}>
          {t('common.back')}
        </button>
      </div>
    );
  }
  return (
    <form className="form form--compact" onSubmit={submit} noValidate>
      <TextField
        label={t('admin.resetFor', { name: account.fullName })}
        hint={t('register.passwordHint')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        autoFocus
        testId="admin-reset-password-input"
        issue={fieldErrorsOf(reset.error).newPassword}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      {reset.error && !explainedByFields(reset.error) && (
        <p className="form-error" role="alert">
          {t('admin.resetError')} {t(errorKey(reset.error.code))}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={reset.pending} data-testid="admin-reset-password-submit">
          {t('admin.resetSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={reset.pending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
