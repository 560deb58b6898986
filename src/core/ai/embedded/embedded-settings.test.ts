import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_WORKER, tinyGguf } from '../../../../tests/support/tiny-gguf';
import type { CoreDeps } from '../../handlers';
import { createEmbeddedEngine, type EmbeddedEngine } from './embedded-engine';
import { embeddedModelHandlers, embeddedModelView } from './handlers';

const handlersOf = (embedded: EmbeddedEngine | null, chooseFile?: CoreDeps['chooseFile']) =>
  embeddedModelHandlers({ embedded, ...(chooseFile ? { chooseFile } : {}) } as CoreDeps);

/** What the settings page shows of the built-in model: real loads of the tiny random-weight GGUF. */
describe('the embedded model in the settings', () => {
  let model: string;
  let engine: EmbeddedEngine;
  beforeAll(() => {
    model = tinyGguf();
    engine = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads: 1, contextTokens: 1024 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('shows the file’s size and fit before loading, its progress while loading, then its name, context and measured speed', async () => {
    const before = embeddedModelView(engine, model, false);
    expect(before).toMatchObject({ available: true, canChooseFile: false, state: 'idle', progress: null, model: null });
    expect(before.file!.sizeBytes).toBeGreaterThan(100_000);
    expect(before.file!.fits).toBe(true);

    const seen: string[] = [];
    const measuring = handlersOf(engine)['ai.measureEmbeddedSpeed']({ modelPath: model });
    // The load is asked about while it runs, as the page does.
    while (engine.state().state !== 'loaded') {
      const now = embeddedModelView(engine, model, false);
      seen.push(now.state);
      if (now.state === 'loading') expect(now.progress).toBeGreaterThanOrEqual(0);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const measured = await measuring;
    expect(seen).toContain('loading');
    expect(measured.ok).toBe(true);
    if (!measured.ok) return;
    expect(measured.model).toMatchObject({ state: 'loaded', progress: null });
    expect(measured.model.model).toMatchObject({ name: 'teacher-ai tiny test model (random weights)', contextTokens: 1024, trainContextTokens: 2048, threads: 1 });
    expect(measured.model.model!.tokensPerSecond).toBeGreaterThan(0);
    // Another path is not the loaded model: nothing of this one is said about it.
    expect(embeddedModelView(engine, '/no/such/model.gguf', false)).toMatchObject({ file: null, state: 'idle', model: null });
  }, 120_000);

  it('says plainly that a model does not fit in the free memory, and refuses to load it', async () => {
    const tight = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads: 1, freeMemory: () => 1024 * 1024 });
    try {
      const view = embeddedModelView(tight, model, false);
      expect(view.file).toMatchObject({ fits: false, freeBytes: 1024 * 1024 });
      expect(view.file!.neededBytes).toBeGreaterThan(view.file!.sizeBytes);
      const measured = await handlersOf(tight)['ai.measureEmbeddedSpeed']({ modelPath: model });
      expect(measured).toMatchObject({ ok: false, reason: 'model_too_large' });
      expect(tight.state()).toEqual({ state: 'idle' });
    } finally {
      await tight.close();
    }
  });

  it('asks the host’s file dialog (the desktop app’s) and says when there is none', async () => {
    const asked: unknown[] = [];
    const desktop = handlersOf(engine, async (request) => {
      asked.push(request);
      return '/media/usb/qwen.gguf';
    });
    expect(await desktop['ai.chooseModelFile'](undefined)).toEqual({ path: '/media/usb/qwen.gguf' });
    expect(asked).toEqual([{ title: 'GGUF', filters: [{ name: 'GGUF', extensions: ['gguf'] }] }]);
    expect((await desktop['ai.embeddedModel']({})).canChooseFile).toBe(true);
    const browser = handlersOf(null);
    expect(await browser['ai.chooseModelFile'](undefined)).toEqual({ path: null });
    expect(await browser['ai.embeddedModel']({ modelPath: model })).toMatchObject({ canChooseFile: false, available: false, file: null });
    expect(await browser['ai.measureEmbeddedSpeed']({ modelPath: model })).toMatchObject({ ok: false, reason: 'not_configured' });
  });
});
