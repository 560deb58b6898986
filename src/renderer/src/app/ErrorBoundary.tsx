import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';

interface ErrorBoundaryProps {
  children: ReactNode;
}

/** A rendering bug shows a calm message with a way out instead of a blank window. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[renderer] a screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashMessage /> : this.props.children;
  }
}

function CrashMessage() {
  const t = useT();
  return (
    <div className="state state--error" role="alert">
      <h1 className="state__title">{t('app.crashed.title')}</h1>
      <p>{t('app.crashed.text')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('app.crashed.reload')}
      </button>
    </div>
  );
}
