import { useId, useRef, useState, type FormEvent } from 'react';
import { contract } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { DEFAULT_ROUTE } from '../../app/routes';
import { EmailField, LoginField, PasswordField } from '../../components/CredentialFields';
import { TextField } from '../../components/TextField';
import { errorKey, useT } from '../../i18n';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useFocusFirstInvalid } from '../../lib/use-focus-first-invalid';
import { isSchoolRefusal } from '../../lib/school-policy-store';
import { useSession } from '../../session';

interface RegisterFormProps {
  /** The first account of a brand-new computer may make itself its administrator. */
  first: boolean;
  /** The school turned self-registration off: the first account must be the administrator (the core makes it so). */
  adminRequired?: boolean;
}

const EMPTY = { fullName: '', username: '', email: '', password: '' };

/** A new account of this computer; signs it in when created. */
export function RegisterForm({ first, adminRequired = false }: RegisterFormProps) {
  const t = useT();
  const adminHintId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [becomeAdmin, setBecomeAdmin] = useState(first);

  const register = useAction(async () => {
    const input = checkInput(contract['accounts.register'].input, { ...values, becomeAdmin: first && (becomeAdmin || adminRequired) });
    navigate(DEFAULT_ROUTE);
    await useSession.getState().register(input);
  });
  const issues = fieldErrorsOf(register.error);
  useFocusFirstInvalid(form, register.error);

  const field = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    issue: issues[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void register.run();
  };

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      <TextField label={t('register.fullName')} testId="register-fullname" autoComplete="name" autoFocus {...field('fullName')} />
      <LoginField label={t('register.username')} hint={t('register.usernameHint')} testId="register-username" {...field('username')} />
      <EmailField label={t('register.email')} testId="register-email" {...field('email')} />
      <PasswordField purpose="new" label={t('register.password')} hint={t('register.passwordHint')} testId="register-password" {...field('password')} />
      {first && (
        <div className="checkbox-field">
          <input
            id={`${adminHintId}-box`}
            type="checkbox"
            checked={becomeAdmin || adminRequired}
            disabled={adminRequired}
            onChange={(event) => setBecomeAdmin(event.target.checked)}
            aria-describedby={adminHintId}
            data-testid="register-become-admin"
          />
          <div>
            <label htmlFor={`${adminHintId}-box`} className="checkbox-field__label">
              {t('register.becomeAdmin')}
            </label>
            <p id={adminHintId} className="field__hint">
              {adminRequired ? t('register.adminRequired') : t('register.becomeAdminHint')}
            </p>
          </div>
        </div>
      )}
      {register.error && !explainedByFields(register.error) && (
        <p className="form-error" role="alert" data-testid="form-error" data-error-code={register.error.code}>
          {t('register.error')}{' '}
          {isSchoolRefusal(register.error, 'self_registration_disabled') ? t('signIn.registerDisabled') : t(errorKey(register.error.code))}
        </p>
      )}
      <button type="submit" className="button button--primary button--large" disabled={register.pending} aria-busy={register.pending} data-testid="register-submit">
        {register.pending ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
