import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCore } from '../../../../tests/support/test-core';
import { describeOnEachDatabase } from '../../../../tests/support/test-databases';
import { EMBEDDED_WORKER, tinyGguf } from '../../../../tests/support/tiny-gguf';
import type { CoreEvent, EventPayload } from '../../../shared/contract';
import { defaultTeachers } from '../teachers';
import { createEmbeddedEngine, type EmbeddedEngine } from './embedded-engine';

let model: string;
let engine: EmbeddedEngine;
beforeAll(() => {
  model = tinyGguf();
  engine = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads: 1, contextTokens: 2048 });
});
afterAll(async () => {
  await engine.close();
});

describeOnEachDatabase('the embedded model answers in the chat (reply runner)', (ctx) => {
  it('an admin names the GGUF; a student’s question streams from it, is stored, and is marked as the embedded model’s', async () => {
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' }, teachers: defaultTeachers(ctx.db, engine) });
    const view = await admin.call('ai.saveComputerSettings', { provider: 'embedded', modelPath: model, timeoutSeconds: 60 });
    expect(view.computer).toMatchObject({ provider: 'embedded', modelPath: model });

    const core = await createTestCore(ctx.database, { teachers: defaultTeachers(ctx.db, engine) });
    const events: CoreEvent[] = [];
    core.subscribe((event) => events.push(event));
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    const { replyId } = await core.call('chat.sendMessage', { sessionId: session.id, content: 'Что такое дробь?' });
    await core.replies.idle();
    const finished = events.find((e) => e.name === 'chat.replyFinished')?.payload as EventPayload<'chat.replyFinished'>;
    expect(finished).toMatchObject({ messageId: replyId, provider: 'embedded', fallbackReason: null });
    expect(finished.failureReason ?? finished.status, JSON.stringify(core.logged)).toMatch(/complete|truncated/);
    const tokens = events.filter((e) => e.name === 'chat.token').length;
    expect(tokens).toBeGreaterThan(1);
    const stored = (await core.call('chat.listMessages', { sessionId: session.id })).at(-1);
    expect(stored).toMatchObject({ id: replyId, role: 'assistant', streaming: false });
  }, 120_000);

  it('a model file that is gone: the offline teacher answers and says why', async () => {
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' }, teachers: defaultTeachers(ctx.db, engine) });
    await admin.call('ai.saveComputerSettings', { provider: 'embedded', modelPath: '/no/such/model.gguf', timeoutSeconds: 60 });
    const core = await createTestCore(ctx.database, { teachers: defaultTeachers(ctx.db, engine) });
    const events: CoreEvent[] = [];
    core.subscribe((event) => events.push(event));
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    await core.call('chat.sendMessage', { sessionId: session.id, content: 'Что такое дробь?' });
    await core.replies.idle();
    expect(events.find((e) => e.name === 'chat.replyFinished')?.payload).toMatchObject({ provider: 'offline', fallbackReason: 'model_unavailable' });
  });
});
