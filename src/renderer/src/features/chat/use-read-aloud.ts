import { useCallback, useEffect, useRef, useState } from 'react';
import { useLanguage } from '../../i18n';
import { api } from '../../lib/api';
import { useSession } from '../../session';
import { speak, stopSpeaking, useVoices } from '../settings/speech';
import { speechText } from './speech-text';

export interface ReadAloud {
  /** False when this computer has no voices (or no Web Speech API at all). */
  available: boolean;
  /** The message being read now. */
  speakingId: string | null;
  read: (message: { id: string; content: string }) => void;
  stop: () => void;
}

/**
 * «Прочитать вслух» with the student's voice and speed. A reply read to its end is marked played in
 * the core; one cut short (by «Стоп» or another reply) is not. Reading stops when the screen closes.
 */
export function useReadAloud(): ReadAloud {
  const language = useLanguage((state) => state.language);
  const voiceName = useSession((state) => state.preferences?.ttsVoice ?? null);
  const rate = useSession((state) => state.preferences?.ttsSpeed ?? 1);
  const available = useVoices(language).length > 0;
  const [speakingId, setSpeakingId] = useState<string | null>(null);
  // Only the newest utterance counts: a cancelled one still reports its end, later.
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  useEffect(
    () => () => {
      current.current = null;
      stopSpeaking();
    },
    [],
  );

  const read = useCallback(
    ({ id, content }: { id: string; content: string }) => {
      current.current = null;
      const utterance = speak(speechText(content), { voiceName, rate, language });
      if (!utterance) return;
      current.current = utterance;
      setSpeakingId(id);
      const finish = (played: boolean) => {
        if (current.current !== utterance) return;
        current.current = null;
        setSpeakingId(null);
        if (played) void api.call('chat.markPlayed', { messageId: id }).catch(() => undefined);
      };
      utterance.addEventListener('end', () => finish(true));
      utterance.addEventListener('error', () => finish(false));
    },
    [voiceName, rate, language],
  );

  const stop = useCallback(() => {
    current.current = null;
    stopSpeaking();
    setSpeakingId(null);
  }, []);

  return { available, speakingId, read, stop };
}
