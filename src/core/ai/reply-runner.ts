import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AiFailureReason, ReplyStatus } from '../../shared/contract';
import type { AiProvider } from '../../shared/domain';
import { findOwnSession } from '../chat/chat-service';
import { chatDrafts, chatMessages, chatSessions } from '../db/schema';
import type { Db } from '../db/types';
import { AppError } from '../errors/app-error';
import type { EventHub } from '../events/event-hub';
import type { MutationRunner } from '../mutations/run-mutation';
import { resolveTeacher, type SchoolAiRule } from './ai-settings';
import type { SchoolPolicy } from '../school/school-policy';
import { createDraftWriter } from './draft-writer';
import { ProviderError, type ChatTurn, type TeacherProvider } from './provider';
import type { SecretBox } from './secret-box';
import type { TeacherFactory } from './teachers';
import { buildTeachingContext } from './teaching-context';
import { alternatingTurns } from './conversation-window';

/** How much of the conversation is read back; the teacher's context then cuts it to what fits. */
const HISTORY_TURNS = 60;

export interface ReplyRunnerDeps {
  db: Db;
  events: EventHub;
  mutations: MutationRunner;
  secrets: SecretBox;
  teachers: TeacherFactory;
  /** The school's teacher and language rules (none: a computer without a school configuration). */
  school?: SchoolAiRule & Pick<SchoolPolicy, 'languageOf'>;
  now: () => Date;
  timeZone: () => string;
  logError: (message: string, data?: unknown) => void;
}

export type ChatSessionRow = Awaited<ReturnType<typeof findOwnSession>>;

export interface ReplyRunner {
  /** Start the teacher's reply to the session's last question; tokens follow as events. */
  /** `session`: the row when the caller has just read it (saves reading it again). */
  start(userId: string, sessionId: string, session?: ChatSessionRow): Promise<string>;
  stop(userId: string, sessionId: string): boolean;
  isRunning(sessionId: string): boolean;
  /** Drafts left by a crash become messages (what was written is kept). */
  recoverDrafts(): Promise<number>;
  /** Resolves when no reply is being written (tests, benchmarks). */
  idle(): Promise<void>;
  /** Stop everything and wait (app quit, tests). */
  close(): Promise<void>;
}

/** Draft delete and the final message in one transaction: the reply is either a draft or a message. */
const dropDraft = (messageId: string) => async (tx: Db) => {
  await tx.delete(chatDrafts).where(eq(chatDrafts.messageId, messageId));
};

const reasonOf = (error: unknown): AiFailureReason | 'cancelled' =>
  error instanceof ProviderError ? error.code : 'bad_stream';

/** The embedded model where this build runs one; elsewhere a failure the fallback explains. */
function embeddedOf(teachers: TeacherFactory, modelPath: string): TeacherProvider {
  if (teachers.embedded) return teachers.embedded(modelPath);
  return {
    kind: 'embedded',
    // eslint-disable-next-line require-yield
    streamReply: async function* () {
      throw new ProviderError('model_unavailable', 'This build of the app runs no embedded model.');
    },
  };
}

const DETAIL_MAX = 400;
const detailOf = (error: unknown): string | null =>
  error instanceof ProviderError && error.detail ? error.detail.slice(0, DETAIL_MAX) : null;

export function createReplyRunner(deps: ReplyRunnerDeps): ReplyRunner {
  const { db, events } = deps;
  const running = new Map<string, { userId: string; controller: AbortController; done: Promise<void> }>();

  async function history(sessionId: string): Promise<ChatTurn[]> {
    const rows = await db
      .select({ role: chatMessages.role, content: chatMessages.content })
      .from(chatMessages)
      .where(and(eq(chatMessages.sessionId, sessionId), inArray(chatMessages.role, ['user', 'assistant'])))
      .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
      .limit(HISTORY_TURNS);
    return alternatingTurns(rows.reverse().map((r) => ({ role: r.role as ChatTurn['role'], content: r.content })));
  }

  async function run(userId: string, session: Awaited<ReturnType<typeof findOwnSession>>, replyId: string, signal: AbortSignal) {
    let text = '';
    let status: ReplyStatus = 'complete';
    let failureReason: AiFailureReason | null = null;
    let fallbackReason: AiFailureReason | null = null;
    let detail: string | null = null;
    let truncated = false;
    let provider: AiProvider = 'offline';
    const draft = createDraftWriter(db, replyId, deps.now, (error) => deps.logError('chat draft not saved', { error: String(error) }));
    try {
      const [built, turns, choice] = await Promise.all([
        buildTeachingContext(db, userId, session),
        history(session.id),
        resolveTeacher(db, deps.secrets, userId, deps.school),
      ]);
      const context = deps.school ? { ...built, language: deps.school.languageOf(built.language) } : built;
      await db.insert(chatDrafts).values({ messageId: replyId, sessionId: session.id });
      const request = { context, history: turns, signal, onTruncated: () => (truncated = true) };
      const stream = async (teacher: TeacherProvider) => {
        provider = teacher.kind;
        for await (const token of teacher.streamReply(request)) {
          if (!token) continue;
          text += token;
          events.emit('chat.token', { sessionId: session.id, messageId: replyId, token });
          draft.write(text);
        }
      };
      if (choice.provider === 'offline' && choice.missing) {
        fallbackReason = 'not_configured';
        deps.logError('AI teacher not configured (server or model missing): the offline teacher answers', { reason: fallbackReason });
      }
      try {
        if (choice.provider === 'openai') await stream(deps.teachers.openai(choice.endpoint));
        else if (choice.provider === 'embedded') await stream(embeddedOf(deps.teachers, choice.modelPath));
        else await stream(deps.teachers.offline());
      } catch (error) {
        const reason = reasonOf(error);
        // The model could not start answering: the offline teacher answers instead, and the page says why.
        if (reason === 'cancelled' || text !== '' || provider === 'offline') throw error;
        fallbackReason = reason;
        detail = detailOf(error);
        deps.logError('AI teacher unavailable: the offline teacher answered instead', { reason, error: String(error) });
        await stream(deps.teachers.offline());
      }
      if (truncated) status = 'truncated';
      // A model that ends without a word: said so, with «Повторить», never a reply that silently is not there.
      if (text.trim() === '') throw new ProviderError('empty_reply', 'The model finished without writing anything.');
    } catch (error) {
      const reason = reasonOf(error);
      status = reason === 'cancelled' ? 'stopped' : 'failed';
      failureReason = reason === 'cancelled' ? null : reason;
      detail = detailOf(error) ?? detail;
      // An empty reply is the model's doing, told to the student; nothing for the log.
      if (reason !== 'cancelled' && reason !== 'empty_reply') deps.logError('chat reply failed', { reason, error: String(error) });
    }
    await draft.flush();
    try {
      if (text.trim()) {
        const reply = { messageId: replyId, sessionId: session.id, role: 'assistant', content: text, at: deps.now().toISOString(), timeZone: deps.timeZone() } as const;
        await deps.mutations.run(userId, 'chat.sendMessage', reply, dropDraft(replyId));
      } else {
        await db.delete(chatDrafts).where(eq(chatDrafts.messageId, replyId));
      }
    } catch (error) {
      status = 'failed';
      failureReason ??= 'bad_stream';
      deps.logError('chat reply not saved', { error: String(error) });
    }
    events.emit('chat.replyFinished', { sessionId: session.id, messageId: replyId, status, provider, failureReason, fallbackReason, detail });
  }

  return {
    async start(userId, sessionId, known) {
      const session = known && known.id === sessionId && known.userId === userId ? known : await findOwnSession(db, userId, sessionId);
      if (running.has(sessionId)) throw new AppError('conflict', 'The teacher is still answering in this session');
      const replyId = crypto.randomUUID();
      const controller = new AbortController();
      const done = run(userId, session, replyId, controller.signal).finally(() => running.delete(sessionId));
      running.set(sessionId, { userId, controller, done });
      return replyId;
    },
    stop(userId, sessionId) {
      const entry = running.get(sessionId);
      if (!entry || entry.userId !== userId) return false;
      entry.controller.abort();
      return true;
    },
    isRunning: (sessionId) => running.has(sessionId),
    async recoverDrafts() {
      const drafts = await db.select().from(chatDrafts).orderBy(asc(chatDrafts.createdAt));
      for (const d of drafts) {
        if (running.has(d.sessionId)) continue;
        // The draft's session may belong to any account on this computer.
        const [owner] = await db.select({ userId: chatSessions.userId }).from(chatSessions).where(eq(chatSessions.id, d.sessionId));
        if (owner && d.content.trim()) {
          const reply = { messageId: d.messageId, sessionId: d.sessionId, role: 'assistant', content: d.content, at: d.updatedAt.toISOString() } as const;
          await deps.mutations.run(owner.userId, 'chat.sendMessage', reply, dropDraft(d.messageId));
        } else {
          await db.delete(chatDrafts).where(eq(chatDrafts.messageId, d.messageId));
        }
      }
      return drafts.length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()].map((e) => e.done));
    },
    async close() {
      const all = [...running.values()];
      for (const entry of all) entry.controller.abort();
      await Promise.allSettled(all.map((e) => e.done));
    },
  };
}
