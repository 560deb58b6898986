import { useRef, useState, type FormEvent } from 'react';
import { contract } from '../../../../shared/contract';
import { PasswordField } from '../../components/CredentialFields';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useFocusFirstInvalid } from '../../lib/use-focus-first-invalid';

const EMPTY = { currentPassword: '', newPassword: '' };

export function ChangePasswordForm() {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [changed, setChanged] = useState(false);
  const change = useAction(async () => {
    setChanged(false);
    const input = checkInput(contract['accounts.changePassword'].input, values);
    await api.call('accounts.changePassword', input);
    setValues(EMPTY);
    setChanged(true);
  });
  useFocusFirstInvalid(form, change.error);
  const issues = fieldErrorsOf(change.error);
  // An empty current password is «fill this in», not zod's own words.
  const currentIssue = values.currentPassword === '' && issues.currentPassword ? 'required' : issues.currentPassword;
  const field = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run();
  };
  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      <PasswordField purpose="current" label={t('profile.currentPassword')} testId="current-password" issue={currentIssue} {...field('currentPassword')} />
      <PasswordField
        purpose="new"
        label={t('profile.newPassword')}
        hint={t('register.passwordHint')}
        testId="new-password"
        issue={issues.newPassword}
        {...field('newPassword')}
      />
      {change.error && !explainedByFields(change.error) && (
        <p className="form-error" role="alert">
          {t('profile.passwordError')} {t(errorKey(change.error.code))}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={change.pending} aria-busy={change.pending} data-testid="change-password">
          {t('profile.changePassword')}
        </button>
        {changed && (
          <p className="form-success" role="status" data-testid="password-changed">
            {t('profile.passwordChanged')}
          </p>
        )}
      </div>
    </form>
  );
}
