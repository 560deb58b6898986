import type { EmbeddedModelView } from '../../../shared/contract';
import type { CoreDeps, HandlerGroup } from '../../handlers';
import { ProviderError } from '../provider';
import type { EmbeddedEngine } from './embedded-engine';
import { measureSpeed } from './measure-speed';

type EmbeddedMethods = 'ai.embeddedModel' | 'ai.measureEmbeddedSpeed' | 'ai.chooseModelFile';

/** What the settings page shows of the model at `modelPath` (and of the engine, whatever it holds). */
export function embeddedModelView(engine: EmbeddedEngine | null, modelPath: string | undefined, canChooseFile: boolean): EmbeddedModelView {
  const state = engine?.state() ?? { state: 'idle' as const };
  const mine = modelPath !== undefined && state.state !== 'idle' && state.modelPath === modelPath;
  return {
    canChooseFile,
    available: engine !== null,
    file: engine && modelPath ? engine.fit(modelPath) : null,
    state: mine ? state.state : 'idle',
    progress: mine && state.state === 'loading' ? Math.min(1, Math.max(0, state.progress)) : null,
    model: mine && state.state === 'loaded' ? { ...state.model } : null,
  };
}

export const embeddedModelHandlers = ({ embedded, chooseFile }: CoreDeps): HandlerGroup<EmbeddedMethods> => ({
  'ai.embeddedModel': async ({ modelPath }) => embeddedModelView(embedded, modelPath, chooseFile !== undefined),
  'ai.measureEmbeddedSpeed': async ({ modelPath }) => {
    if (!embedded) return { ok: false as const, reason: 'not_configured' as const, detail: null };
    try {
      await measureSpeed(embedded, modelPath);
      return { ok: true as const, model: embeddedModelView(embedded, modelPath, chooseFile !== undefined) };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      const reason = error.code === 'cancelled' ? 'timeout' : error.code;
      return { ok: false as const, reason, detail: error.message.slice(0, 300) };
    }
  },
  'ai.chooseModelFile': async () => {
    if (!chooseFile) return { path: null };
    return { path: await chooseFile({ title: 'GGUF', filters: [{ name: 'GGUF', extensions: ['gguf'] }] }) };
  },
});
