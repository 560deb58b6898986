import type { ChatTurn } from '../provider';
import type { EmbeddedEngine, EmbeddedModelInfo } from './embedded-engine';

/** A short reply is enough to time: long enough to pass the first token's start-up, short enough to wait for. */
const SPEED_TOKENS = 48;
/** A slow laptop loading a large model takes minutes; past this the check gives up. */
const SPEED_TIMEOUT_MS = 5 * 60_000;

const PROMPT: ChatTurn[] = [
  { role: 'system', content: 'Ты учитель математики. Отвечай коротко.' },
  { role: 'user', content: 'Сосчитай от одного до тридцати словами.' },
];

/** «Проверить скорость»: loads the model when it is not in memory and times a short reply (tokens per second). */
export async function measureSpeed(engine: EmbeddedEngine, modelPath: string): Promise<EmbeddedModelInfo> {
  const signal = AbortSignal.timeout(SPEED_TIMEOUT_MS);
  // The pieces are not kept: only the engine's timing of the reply is wanted.
  for await (const piece of engine.stream(modelPath, PROMPT, SPEED_TOKENS, signal)) void piece;
  return engine.info()!;
}
