import { useState } from 'react';
import type { AiSettings } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LockedBySchool } from '../../components/LockedBySchool';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { useSession } from '../../session';
import { AiEndpointForm } from './AiEndpointForm';
import { EffectiveTeacher } from './EffectiveTeacher';
import './ai-settings.css';

/**
 * «ИИ-учитель»: who answers in the chat. The student's own choice on this computer, «использовать
 * настройку компьютера», and for an administrator the default of every account on this computer.
 */
export function AiTeacherSettings() {
  const t = useT();
  const admin = useSession((state) => state.user?.role === 'admin');
  const settings = useCall('ai.getSettings', undefined);
  const show = (next: AiSettings) => settings.update(() => next);
  // After «использовать настройку компьютера» the student's form starts over from the computer's setting.
  const [cleared, setCleared] = useState(0);
  const clear = useAction(async () => {
    show(await api.call('ai.clearUserSettings'));
    setCleared((count) => count + 1);
  });

  if (!settings.data) {
    return settings.error ? (
      <ErrorState title={t('aiSettings.loadError')} error={settings.error} onRetry={settings.reload} />
    ) : (
      <LoadingState message={t('common.loading')} />
    );
  }
  const { effective, user, computer, school, locked } = settings.data;
  return (
    <div className="ai-settings" data-testid="ai-settings">
      <p className="setting__hint">{t('aiSettings.intro')}</p>
      <EffectiveTeacher effective={effective} />
      <section className="ai-scope" aria-labelledby="ai-user-title">
        <h3 id="ai-user-title" className="setting__label">
          {t('aiSettings.user.title')}
        </h3>
        {locked ? (
          <>
            <p className="setting__hint">{t('aiSettings.lockedHint')}</p>
            <LockedBySchool setting="ai" />
          </>
        ) : (
          <>
            <p className="setting__hint">{t('aiSettings.user.hint')}</p>
            <AiEndpointForm key={cleared} scope="user" view={user} initial={user ?? computer ?? school} onSaved={show} />
          </>
        )}
        {user && !locked && (
          <div className="form__actions">
            <button type="button" className="button" onClick={() => void clear.run()} disabled={clear.pending} data-testid="ai-use-computer">
              {t('aiSettings.useComputer')}
            </button>
            {clear.error && (
              <span className="form-error" role="alert">
                {t('aiSettings.saveError')} {t(errorKey(clear.error.code))}
              </span>
            )}
          </div>
        )}
      </section>
      {/* A locked teacher the school named wins over the computer's: nothing to set here then. */}
      {admin && !(locked && school) && (
        <section className="ai-scope ai-scope--computer" aria-labelledby="ai-computer-title" data-testid="ai-computer">
          <h3 id="ai-computer-title" className="setting__label">
            {t('aiSettings.computer.title')}
          </h3>
          <p className="setting__hint">{t('aiSettings.computer.hint')}</p>
          <AiEndpointForm scope="computer" view={computer} initial={computer ?? school} onSaved={show} />
        </section>
      )}
    </div>
  );
}
