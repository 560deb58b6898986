import { useId, useRef, useState, type FormEvent } from 'react';
import { contract } from '../../../../shared/contract';
import { USER_ROLES, type UserRole } from '../../../../shared/domain';
import { EmailField, LoginField, PasswordField } from '../../components/CredentialFields';
import { TextField } from '../../components/TextField';
import { errorKey, roleKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useFocusFirstInvalid } from '../../lib/use-focus-first-invalid';

const EMPTY = { email: '', username: '', fullName: '', password: '' };

/** An account for a student, teacher or another admin of this computer. */
export function CreateAccountForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const roleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [role, setRole] = useState<UserRole>('student');
  const [created, setCreated] = useState<string | null>(null);
  const create = useAction(async () => {
    setCreated(null);
    const input = checkInput(contract['accounts.create'].input, { ...values, role });
    const account = await api.call('accounts.create', input);
    setValues(EMPTY);
    setRole('student');
    setCreated(account.fullName);
    onCreated();
  });
  useFocusFirstInvalid(form, create.error);
  const issues = fieldErrorsOf(create.error);
  const field = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    issue: issues[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      <TextField label={t('register.fullName')} testId="admin-create-fullname" autoComplete="off" {...field('fullName')} />
      <LoginField label={t('register.username')} hint={t('register.usernameHint')} testId="admin-create-username" autoComplete="off" {...field('username')} />
      <EmailField label={t('register.email')} testId="admin-create-email" autoComplete="off" {...field('email')} />
      <PasswordField purpose="new" label={t('register.password')} hint={t('register.passwordHint')} testId="admin-create-password" {...field('password')} />
      <div className="field">
        <label className="field__label" htmlFor={roleId}>
          {t('admin.role')}
        </label>
        <select
          id={roleId}
          className="field__input field__select"
          value={role}
          onChange={(event) => setRole(event.target.value as UserRole)}
          data-testid="admin-create-role"
        >
          {USER_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(roleKey(option))}
            </option>
          ))}
        </select>
      </div>
      {create.error && !explainedByFields(create.error) && (
        <p className="form-error" role="alert" data-error-code={create.error.code}>
          {t('admin.createError')} {t(errorKey(create.error.code))}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.pending} aria-busy={create.pending} data-testid="admin-create-submit">
          {create.pending ? t('admin.creating') : t('admin.createSubmit')}
        </button>
        {created && (
          <p className="form-success" role="status" data-testid="admin-created">
            {t('admin.created', { name: created })}
          </p>
        )}
      </div>
    </form>
  );
}
