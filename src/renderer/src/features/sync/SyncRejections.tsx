import type { SyncRejection } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';
import { SyncErrorLine } from './SyncErrorLine';

/**
 * Changes the server refused for good (a course only this computer has, a rule of the server): said
 * in words, with the server's own answer folded away, until the student has read them. Nothing when there are none.
 */
export function SyncRejections() {
  const t = useT();
  const rejections = useCall('sync.rejections', undefined);
  const { refresh, update } = rejections;
  useCoreEvent('sync.status', refresh);
  const dismiss = useAction(async () => {
    const left = await api.call('sync.dismissRejections');
    update(() => left);
  });
  if (rejections.error) {
    return (
      <p className="form-error" role="alert" data-testid="sync-rejections-error">
        {t('sync.rejections.loadError')}
      </p>
    );
  }
  if (!rejections.data || rejections.data.length === 0) return null;
  return (
    <div className="setting sync-rejections" data-testid="sync-rejections">
      <h3 className="setting__label">{t('sync.rejections.title')}</h3>
      <p className="setting__hint">{t('sync.rejections.intro')}</p>
      <ul className="sync-rejections__list">
        {rejections.data.map((rejection) => (
          <RejectionItem key={rejection.id} rejection={rejection} />
        ))}
      </ul>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => void dismiss.run()} disabled={dismiss.pending} data-testid="sync-rejections-dismiss">
          {t('sync.rejections.dismiss')}
        </button>
      </div>
      {dismiss.error && <SyncErrorLine error={dismiss.error} />}
    </div>
  );
}

function RejectionItem({ rejection }: { rejection: SyncRejection }) {
  const t = useT();
  const subject = t(`sync.rejections.subject.${rejection.subject}`, { title: rejection.title ?? '' });
  return (
    <li className="sync-rejections__item" data-testid="sync-rejection" data-reason={rejection.reason}>
      <span>
        {subject}: {t(`sync.rejections.reason.${rejection.reason}`)}
      </span>
      <details className="sync-rejections__details">
        <summary>{t('sync.rejections.serverWords')}</summary>
        <code>{rejection.serverMessage}</code>
      </details>
    </li>
  );
}
