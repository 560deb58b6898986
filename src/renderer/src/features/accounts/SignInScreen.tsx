import { useEffect, useId, useState } from 'react';
import type { SignInTile, SignInScreen as SignInScreenData } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { LanguageChoice } from '../../components/LanguageChoice';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { hasStoredLanguage, useLanguage, useT } from '../../i18n';
import { useSchoolPolicy } from '../../lib/school-policy-store';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { useSession } from '../../session';
import { AccountTiles } from './AccountTiles';
import { RegisterForm } from './RegisterForm';
import { SignInForm } from './SignInForm';
import { ServerSignInForm } from '../sync/ServerSignInForm';

/** What the sign-in screen shows: the account list, one account's password, a typed login, or registration. */
type Step = { kind: 'list' } | { kind: 'account'; account: SignInTile } | { kind: 'login' } | { kind: 'register' } | { kind: 'server' };

/** Shown while nobody is signed in: the accounts of this (possibly shared) computer. */
export function SignInScreen() {
  const t = useT();
  const screen = useCall('accounts.signInScreen', undefined);
  const { refresh } = screen;
  useCoreEvent('session.changed', refresh);
  const policySettled = useSchoolPolicy((state) => state.settled);
  useSchoolLanguage();
  return (
    <div className="signin" data-testid="signin-screen">
      <SignInTopBar />
      <main className="signin__main">
        <div className="card signin__card">
          {screen.data && policySettled ? (
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

/**
 * The school's language on this screen: always when the school locked it, and on a computer where
 * nobody has chosen one yet.
 */
function useSchoolLanguage() {
  const policy = useSchoolPolicy((state) => state.policy);
  useEffect(() => {
    if (!policy?.language) return;
    if (policy.locked.includes('language') || !hasStoredLanguage()) useLanguage.getState().setLanguage(policy.language);
  }, [policy]);
}

/** The brand and a small language switch: the screen speaks the language last used on this computer. */
function SignInTopBar() {
  const t = useT();
  const labelId = useId();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  const locked = useSchoolPolicy((state) => state.policy?.locked.includes('language') ?? false);
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
        <LanguageChoice value={language} onChange={setLanguage} labelledBy={labelId} compact disabled={locked} />
      </div>
    </header>
  );
}

function SignInSteps({ screen }: { screen: SignInScreenData }) {
  const t = useT();
  const notice = useSession((state) => state.notice);
  const selfRegistration = useSchoolPolicy((state) => state.policy?.allowSelfRegistration ?? true);
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

  const backToStart = () => go(showList ? { kind: 'list' } : { kind: 'login' });

  // «Войти через сервер школы»: an account of the school's server comes to this computer (a new one too).
  if (step.kind === 'server') {
    return (
      <>
        <PageTitle title={t('sync.signIn.title')} />
        <ServerSignInForm />
        <button type="button" className="link-button" onClick={backToStart} data-testid="server-sign-in-back">
          {t('sync.signIn.back')}
        </button>
      </>
    );
  }
  const serverSignIn = (
    <p className="signin__register">
      <button type="button" className="link-button" onClick={() => go({ kind: 'server' })} data-testid="show-server-sign-in">
        {t('sync.signIn.open')}
      </button>
    </p>
  );

  if (!screen.hasAccounts) {
    return (
      <>
        {noticeLine}
        <PageTitle title={t('register.firstTitle')} />
        <p className="page__intro">{t('register.firstIntro')}</p>
        <RegisterForm first adminRequired={!selfRegistration} />
        {serverSignIn}
      </>
    );
  }

  if (step.kind === 'register' && selfRegistration) {
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
            <SignInForm key={step.account.username} account={step.account} />
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
      {selfRegistration ? (
        <p className="signin__register">
          {t('signIn.noAccount')}{' '}
          <button type="button" className="link-button" onClick={() => go({ kind: 'register' })} data-testid="show-register">
            {t('signIn.register')}
          </button>
        </p>
      ) : (
        <p className="signin__register setting__hint" data-testid="register-disabled">
          {t('signIn.registerDisabled')}
        </p>
      )}
      {serverSignIn}
    </>
  );
}
