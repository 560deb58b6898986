import { AVATAR_MAX_BYTES } from '../../../shared/accounts';
import { issueKey, useT } from '../i18n';

/**
 * The sentence under a field that the core (or the same check in the form) refused. `announce` reads it
 * out at once, for a field that does not take the focus back (a file input).
 */
export function FieldError({ id, field, issue, announce }: { id: string; field: string; issue: string; announce?: boolean }) {
  const t = useT();
  const size = t('fileSize.kilobytes', { size: AVATAR_MAX_BYTES / 1024 });
  return (
    <p id={id} className="field__error" data-testid="field-error" data-field={field} role={announce ? 'alert' : undefined}>
      {t(issueKey(issue), { size })}
    </p>
  );
}
