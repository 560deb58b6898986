import { useState, type FormEvent } from 'react';
import type { SyncDevice } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { SyncErrorLine } from './SyncErrorLine';

/** The server keeps at most this many characters of a device's name. */
const NAME_MAX = 100;

/** «Переименовать»: a name the student recognises («Ноутбук дома»), kept on the server for every device. */
export function DeviceRename({ device, onChanged }: { device: SyncDevice; onChanged: (devices: SyncDevice[]) => void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name);
  const [empty, setEmpty] = useState(false);
  const rename = useAction(async (newName: string) => {
    const { devices } = await api.call('sync.renameDevice', { deviceId: device.id, name: newName });
    setEditing(false);
    onChanged(devices);
  });

  if (!editing) {
    return (
      <button
        type="button"
        className="button"
        onClick={() => {
          setName(device.name);
          setEmpty(false);
          setEditing(true);
        }}
        data-testid="sync-rename"
      >
        {t('sync.devices.rename')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setEmpty(trimmed === '');
    if (trimmed !== '') void rename.run(trimmed);
  };
  return (
    <form className="sync-device__rename" onSubmit={submit} data-testid="sync-rename-form">
      <label>
        <span className="visually-hidden">{t('sync.devices.nameLabel')}</span>
        <input
          type="text"
          value={name}
          maxLength={NAME_MAX}
          autoFocus
          aria-invalid={empty}
          onChange={(event) => setName(event.target.value)}
          data-testid="sync-rename-input"
        />
      </label>
      <button type="submit" className="button button--primary" disabled={rename.pending} data-testid="sync-rename-save">
        {t('common.save')}
      </button>
      <button type="button" className="button" onClick={() => setEditing(false)}>
        {t('common.cancel')}
      </button>
      {empty && (
        <p role="alert" data-testid="sync-rename-error">
          {t('sync.devices.nameRequired')}
        </p>
      )}
      {rename.error && <SyncErrorLine error={rename.error} />}
    </form>
  );
}
