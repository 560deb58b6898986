import { useId, useState, type ChangeEvent } from 'react';
import { AVATAR_MAX_BYTES, AVATAR_MIME_TYPES } from '../../../../shared/accounts';
import type { SessionUser } from '../../../../shared/contract';
import { AccountAvatar } from '../../components/AccountAvatar';
import { FieldError } from '../../components/FieldError';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import type { ApiError } from '../../lib/api-error';
import { fieldErrorsOf } from '../../lib/field-errors';
import { readFileAsBase64 } from '../../lib/read-file';
import { useAction } from '../../lib/use-action';
import { useSession } from '../../session';
import { checkAvatarFile } from './avatar-file';

/** The profile picture: choose one (checked here before it is sent), or remove it. */
export function AvatarEditor({ user }: { user: SessionUser }) {
  const t = useT();
  const inputId = useId();
  const [localIssue, setLocalIssue] = useState<string | null>(null);

  const upload = useAction(async (file: File) => {
    const checked = checkAvatarFile(file);
    if ('issue' in checked) {
      setLocalIssue(checked.issue);
      return;
    }
    const dataBase64 = await readFileAsBase64(file);
    useSession.getState().showUser(await api.call('profile.setAvatar', { mimeType: checked.mimeType, dataBase64 }));
  });
  const remove = useAction(async () => {
    useSession.getState().showUser(await api.call('profile.removeAvatar'));
  });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after it was refused.
    event.target.value = '';
    setLocalIssue(null);
    remove.clearError();
    if (file) void upload.run(file);
  };

  const error: ApiError | null = upload.error ?? remove.error;
  const issue = localIssue ?? fieldErrorsOf(error).dataBase64 ?? fieldErrorsOf(error).mimeType ?? null;
  const pending = upload.pending || remove.pending;
  const size = t('fileSize.kilobytes', { size: AVATAR_MAX_BYTES / 1024 });

  return (
    <div className="avatar-editor">
      <AccountAvatar account={user} size="large" alt={t('profile.avatarAlt', { name: user.fullName })} testId="avatar-image" />
      <div className="avatar-editor__controls">
        <p id={`${inputId}-hint`} className="setting__hint">
          {t('profile.avatarHint', { size })}
        </p>
        <div className="form__actions">
          <input
            id={inputId}
            className="visually-hidden file-input"
            type="file"
            accept={AVATAR_MIME_TYPES.join(',')}
            disabled={pending}
            aria-describedby={issue ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
            aria-invalid={issue ? true : undefined}
            onChange={choose}
            data-testid="avatar-input"
          />
          <label className={`button${pending ? ' button--disabled' : ''}`} htmlFor={inputId}>
            {upload.pending ? t('profile.avatarSaving') : t('profile.avatarChoose')}
          </label>
          {user.avatarVersion !== null && (
            <button type="button" className="button" disabled={pending} onClick={() => void remove.run()} data-testid="avatar-remove">
              {t('profile.avatarRemove')}
            </button>
          )}
        </div>
        {issue && <FieldError id={`${inputId}-error`} field="avatar" issue={issue} announce />}
        {error && !issue && (
          <p className="form-error" role="alert">
            {t('profile.avatarError')} {t(errorKey(error.code))}
          </p>
        )}
      </div>
    </div>
  );
}
