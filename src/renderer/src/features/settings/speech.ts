import { useEffect, useState } from 'react';
import type { Language } from '../../../../shared/domain';

const LOCALES: Readonly<Record<Language, string>> = { ru: 'ru-RU', en: 'en-GB' };

const synthesis = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

/**
 * The text-to-speech voices of this computer, kept up to date (browsers load them late and announce
 * it with `voiceschanged`); empty without any, or without the Web Speech API at all.
 */
export function useVoices(language: Language): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synthesis()?.getVoices() ?? []);
  useEffect(() => {
    const synth = synthesis();
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, []);
  // Voices of the interface language first, then the rest, each by name.
  const own = (voice: SpeechSynthesisVoice) => (voice.lang.toLowerCase().startsWith(language) ? 0 : 1);
  return [...voices].sort((a, b) => own(a) - own(b) || a.name.localeCompare(b.name));
}

/**
 * Reads a text aloud with a voice (by name; the default when it is not on this computer) at a rate.
 * Returns the utterance (to follow its `end`), or null without the Web Speech API.
 */
export function speak(text: string, options: { voiceName: string | null; rate: number; language: Language }): SpeechSynthesisUtterance | null {
  const synth = synthesis();
  if (!synth) return null;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  const voice = synth.getVoices().find((candidate) => candidate.name === options.voiceName);
  if (voice) utterance.voice = voice;
  utterance.lang = voice?.lang ?? LOCALES[options.language];
  utterance.rate = options.rate;
  synth.speak(utterance);
  return utterance;
}

export function stopSpeaking(): void {
  synthesis()?.cancel();
}
