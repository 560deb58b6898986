import { useId, useState } from 'react';
import type { AccountSummary, SignInScreen as SignInScreenData } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { LanguageChoice } from '../../components/LanguageChoice';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useLanguage, useT } from '../../i18n';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { useSession } from '../../session';
import { AccountTiles } from './AccountTiles';
import { RegisterForm } from './RegisterForm';
import { SignInForm } from './SignInForm';

/** What the sign-in screen shows: the account list, one account's password, a typed login, or registration. */
type Step = { kind: 'list' } | { kind: 'account'; account: AccountSummary } | { kind: 'login' } | { kind: 'register' };

/** Shown while nobody is signed in: the accounts of this (possibly shared) computer. */
export function SignInScreen() {
  const t = useT();
  const screen = useCall('accounts.signInScreen', undefined);
  const { refresh } = screen;
  useCoreEvent('session.changed', refresh);
  return (
    <div className="signin" data-testid="signin-screen">
      <SignInTopBar />
      <main className="signin__main">
        <div className="card signin__card">
          {screen.data ? (
            <SignInSteps screen={screen.data} />
          ) : screen.error ? (
            <ErrorState title={t('signIn.loadError')} error={screen.error} onRetry={screen.reload} />
          ) : (
            <LoadingState message={t('signIn.loading')} />
          )}
        </div>
      </main>
    </div>
  );
}

/** The brand and a small language switch: the screen speaks the language last used on this computer. */
function SignInTopBar() {
  const t = useT();
  const labelId = useId();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <header className="signin__top">
      <p className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          T
        </span>
        {t('app.name')}
      </p>
      <div className="signin__language">
        <span id={labelId} className="signin__language-label">
          {t('signIn.language')}
        </span>
        <LanguageChoice value={language} onChange={setLanguage} labelledBy={labelId} compact />
      </div>
    </header>
  );
}

function SignInSteps({ screen }: { screen: SignInScreenData }) {
  const t = useT();
  const notice = useSession((state) => state.notice);
  const showList = !screen.listHidden && screen.accounts.length > 0;
  const [step, setStep] = useState<Step>(showList ? { kind: 'list' } : { kind: 'login' });
  // «Вы вышли…» greets the next student until they start doing something.
  const [moved, setMoved] = useState(false);
  const go = (next: Step) => {
    setStep(next);
    setMoved(true);
  };

  const noticeText = moved ? null : notice === 'signedOut' ? t('signIn.signedOut') : notice === 'deleted' ? t('signIn.deleted') : null;
  const noticeLine = noticeText && (
    <p className="notice" role="status" data-testid="signin-notice">
      {noticeText}
    </p>
  );

  if (!screen.hasAccounts) {
    return (
      <>
        {noticeLine}
        <PageTitle title={t('register.firstTitle')} />
        <p className="page__intro">{t('register.firstIntro')}</p>
        <RegisterForm first />
      </>
    );
  }

  const backToStart = () => go(showList ? { kind: 'list' } : { kind: 'login' });

  if (step.kind === 'register') {
    return (
      <>
        <PageTitle title={t('register.title')} />
        <p className="page__intro">{t('register.intro')}</p>
        <RegisterForm first={false} />
        <button type="button" className="link-button" onClick={backToStart}>
          {t('register.haveAccount')}
        </button>
      </>
    );
  }

  return (
    <>
      {noticeLine}
      {step.kind === 'list' && showList ? (
        <>
          <PageTitle title={t('signIn.whoIsStudying')} />
          <p className="page__intro">{t('signIn.pickAccount')}</p>
          <AccountTiles accounts={screen.accounts} onPick={(account) => go({ kind: 'account', account })} />
          <button type="button" className="link-button" onClick={() => go({ kind: 'login' })} data-testid="show-login">
            {t('signIn.typeLogin')}
          </button>
        </>
      ) : (
        <>
          <PageTitle title={t('signIn.title')} />
          {step.kind === 'account' ? (
            <SignInForm key={step.account.id} account={step.account} />
          ) : (
            <>
              {!showList && <p className="page__intro">{t('signIn.hiddenList')}</p>}
              <SignInForm account={null} />
            </>
          )}
          {showList && (
            <button type="button" className="link-button" onClick={() => go({ kind: 'list' })} data-testid="back-to-list">
              {t('signIn.backToList')}
            </button>
          )}
        </>
      )}
      <p className="signin__register">
        {t('signIn.noAccount')}{' '}
        <button type="button" className="link-button" onClick={() => go({ kind: 'register' })} data-testid="show-register">
          {t('signIn.register')}
        </button>
      </p>
    </>
  );
}
