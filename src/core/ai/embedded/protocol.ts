import type { ChatTurn } from '../provider';

/** Messages between the core and the embedded model's worker thread (structured-clone data only). */
export type ToWorker =
  | { type: 'load'; modelPath: string; threads: number; contextTokens: number }
  | { type: 'generate'; id: number; messages: ChatTurn[]; maxTokens: number }
  | { type: 'abort'; id: number }
  | { type: 'unload' };

export interface LoadedModel {
  name: string;
  sizeBytes: number;
  /** The context the model was trained for, and the one it runs with here. */
  trainContextTokens: number;
  contextTokens: number;
  /** Measured with the model's own tokenizer on mixed Russian and English lesson text. */
  bytesPerToken: number;
  loadMs: number;
}

export type FromWorker =
  | { type: 'progress'; loaded: number }
  | { type: 'loaded'; model: LoadedModel }
  | { type: 'loadFailed'; message: string }
  | { type: 'token'; id: number; text: string }
  | { type: 'done'; id: number; truncated: boolean; tokens: number; ms: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'unloaded' }
  | { type: 'unloadFailed'; message: string };
