import { useRef, useState, type FormEvent } from 'react';
import { contract, type SessionUser } from '../../../../shared/contract';
import { TextField } from '../../components/TextField';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { checkInput, explainedByFields, fieldErrorsOf } from '../../lib/field-errors';
import { useAction } from '../../lib/use-action';
import { useFocusFirstInvalid } from '../../lib/use-focus-first-invalid';
import { useSession } from '../../session';

export function FullNameForm({ user }: { user: SessionUser }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [fullName, setFullName] = useState(user.fullName);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    const input = checkInput(contract['profile.update'].input, { fullName });
    useSession.getState().showUser(await api.call('profile.update', input));
    setSaved(true);
  });
  useFocusFirstInvalid(form, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form ref={form} className="form form--inline" onSubmit={submit} noValidate>
      <TextField
        label={t('profile.fullName')}
        name="fullName"
        testId="profile-fullname"
        autoComplete="name"
        value={fullName}
        issue={fieldErrorsOf(save.error).fullName}
        onChange={(event) => {
          setFullName(event.target.value);
          setSaved(false);
        }}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.pending} aria-busy={save.pending} data-testid="profile-save">
          {save.pending ? t('common.saving') : t('common.save')}
        </button>
        {saved && (
          <p className="form-success" role="status" data-testid="profile-saved">
            {t('common.saved')}
          </p>
        )}
      </div>
      {save.error && !explainedByFields(save.error) && (
        <p className="form-error" role="alert">
          {t('profile.nameError')} {t(errorKey(save.error.code))}
        </p>
      )}
    </form>
  );
}
