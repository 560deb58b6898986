import { useEffect, useId, useState } from 'react';
import type { Preferences } from '../../../../shared/contract';
import { TTS_SPEED_MAX, TTS_SPEED_MIN } from '../../../../shared/domain';
import { useLanguage, useT } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { SaveError } from './SaveError';
import { speak, stopSpeaking, useVoices } from './speech';
import { useSavePreferences } from './use-save-preferences';

/** The contract keeps voice names up to this length. */
const VOICE_NAME_MAX = 100;

/** Voice and speed of reading aloud, with a sample to listen to. */
export function SpeechSettings({ preferences }: { preferences: Preferences }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const voices = useVoices(language).filter((voice) => voice.name.trim() !== '' && voice.name.length <= VOICE_NAME_MAX);
  const save = useSavePreferences();
  const [speedDraft, setSpeedDraft] = useState<number | null>(null);
  const speed = speedDraft ?? preferences.ttsSpeed;
  const saveSpeed = useDebounced((ttsSpeed: number) => {
    void save.run({ ttsSpeed }).finally(() => setSpeedDraft((draft) => (draft === ttsSpeed ? null : draft)));
  }, 400);
  useEffect(() => stopSpeaking, []);

  const voiceId = useId();
  const speedId = useId();
  const speedText = t('settings.speedValue', { value: speed });
  const hasVoices = voices.length > 0;
  const storedMissing = preferences.ttsVoice !== null && !voices.some((voice) => voice.name === preferences.ttsVoice);

  return (
    <div className="setting-list">
      <div className="setting">
        {hasVoices ? (
          <label htmlFor={voiceId} className="setting__label">
            {t('settings.voice')}
          </label>
        ) : (
          <h3 className="setting__label">{t('settings.voice')}</h3>
        )}
        {hasVoices ? (
          <select
            id={voiceId}
            className="field__input field__select"
            value={preferences.ttsVoice ?? ''}
            onChange={(event) => void save.run({ ttsVoice: event.target.value === '' ? null : event.target.value })}
            data-testid="tts-voice"
          >
            <option value="">{t('settings.voiceDefault')}</option>
            {storedMissing && preferences.ttsVoice && (
              <option value={preferences.ttsVoice}>{t('settings.voiceMissing', { name: preferences.ttsVoice })}</option>
            )}
            {voices.map((voice) => (
              <option key={voice.voiceURI} value={voice.name} lang={voice.lang}>
                {voice.name} ({voice.lang})
              </option>
            ))}
          </select>
        ) : (
          <div className="notice" data-testid="tts-no-voices">
            <p className="notice__title">{t('settings.noVoices')}</p>
            <p className="setting__hint">{t('settings.noVoicesHint')}</p>
          </div>
        )}
      </div>
      <div className="setting">
        <label htmlFor={speedId} className="setting__label">
          {t('settings.speed')}
        </label>
        <div className="speed">
          <input
            id={speedId}
            type="range"
            className="speed__slider"
            min={TTS_SPEED_MIN}
            max={TTS_SPEED_MAX}
            step={0.1}
            value={speed}
            aria-valuetext={speedText}
            onChange={(event) => {
              const value = Math.round(Number(event.target.value) * 10) / 10;
              setSpeedDraft(value);
              saveSpeed(value);
            }}
            data-testid="tts-speed"
          />
          <output htmlFor={speedId} className="speed__value" data-testid="tts-speed-value">
            {speedText}
          </output>
          {hasVoices && (
            <button
              type="button"
              className="button"
              onClick={() => speak(t('settings.sample'), { voiceName: preferences.ttsVoice, rate: speed, language })}
              data-testid="tts-listen"
            >
              {t('settings.listen')}
            </button>
          )}
        </div>
      </div>
      <SaveError error={save.error} />
    </div>
  );
}
