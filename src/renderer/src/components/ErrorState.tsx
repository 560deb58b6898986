import type { ReactNode } from 'react';
import { errorKey, useT } from '../i18n';
import type { ApiError } from '../lib/api-error';

interface ErrorStateProps {
  /** What could not be done («Не удалось загрузить курсы.»). */
  title: string;
  error: ApiError;
  /** Replaces the sentence that explains the error code. */
  message?: string;
  /** Shows the «Повторить» button. */
  onRetry?: () => void;
  children?: ReactNode;
}

export function ErrorState({ title, error, message, onRetry, children }: ErrorStateProps) {
  const t = useT();
  return (
    <div className="state state--error" role="alert" data-testid="error-state" data-error-code={error.code}>
      <h2 className="state__title">{title}</h2>
      <p>{message ?? t(errorKey(error.code))}</p>
      {onRetry && (
        <button type="button" className="button button--primary" onClick={onRetry} data-testid="retry-button">
          {t('common.retry')}
        </button>
      )}
      {children}
    </div>
  );
}
