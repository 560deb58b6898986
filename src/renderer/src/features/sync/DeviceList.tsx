import { useState } from 'react';
import type { SyncDevice } from '../../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { localeOf, useLanguage, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { DeviceRename } from './DeviceRename';
import { SyncErrorLine } from './SyncErrorLine';

const useFormatDate = () => {
  const language = useLanguage((state) => state.language);
  const format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
};

/** The student's devices on the server: this one marked, each can be renamed, the others disconnected. */
export function DeviceList() {
  const t = useT();
  const devices = useCall('sync.devices', undefined);
  const { update } = devices;
  if (!devices.data) {
    return devices.error ? (
      <div className="state state--error" role="alert" data-testid="sync-devices-error">
        <p>{t('sync.devices.loadError')}</p>
        <SyncErrorLine error={devices.error} />
        <button type="button" className="button" onClick={devices.reload} data-testid="retry-button">
          {t('common.retry')}
        </button>
      </div>
    ) : (
      <LoadingState message={t('sync.devices.loading')} />
    );
  }
  return (
    <ul className="sync-devices" data-testid="sync-devices">
      {devices.data.devices.map((device) => (
        <DeviceRow key={device.id} device={device} onChanged={(list) => update(() => ({ devices: list }))} />
      ))}
    </ul>
  );
}

function DeviceRow({ device, onChanged }: { device: SyncDevice; onChanged: (devices: SyncDevice[]) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(async () => {
    const { devices } = await api.call('sync.revokeDevice', { deviceId: device.id });
    setConfirming(false);
    onChanged(devices);
  });
  const revoked = device.revokedAt !== null;
  return (
    <li className={`sync-device${revoked ? ' sync-device--revoked' : ''}`} data-testid="sync-device" data-current={device.current} data-revoked={revoked}>
      <span className="sync-device__name">{device.name}</span>
      {device.current && <span className="badge badge--info">{t('sync.devices.current')}</span>}
      <span className="sync-device__meta">
        {revoked ? t('sync.devices.revoked', { date: formatDate(device.revokedAt!) }) : t('sync.devices.lastSeen', { date: formatDate(device.lastSeenAt) })}
      </span>
      <span className="sync-device__actions">
        {!confirming && <DeviceRename device={device} onChanged={onChanged} />}
        {!device.current &&
          !revoked &&
          (confirming ? (
            <>
              <span role="alert">{t('sync.devices.revokeConfirm', { name: device.name })}</span>
              <button type="button" className="button button--primary" disabled={revoke.pending} onClick={() => void revoke.run()} data-testid="sync-revoke-yes">
                {t('sync.devices.revokeYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="sync-revoke">
              {t('sync.devices.revoke')}
            </button>
          ))}
      </span>
      {revoke.error && <SyncErrorLine error={revoke.error} />}
    </li>
  );
}
