import type { CoreDeps, HandlerGroup } from '../handlers';
import { runMutation } from '../mutations/run-mutation';
import { appendChatMessage, listChatMessages, listChatSessions, startChatSession } from './chat-service';

type ChatMethods = 'chat.startSession' | 'chat.listSessions' | 'chat.sendMessage' | 'chat.listMessages';

export const chatHandlers = ({ db, session, events, now }: CoreDeps): HandlerGroup<ChatMethods> => ({
  'chat.startSession': async (input) =>
    runMutation(db, session.requireUserId(), 'chat.startSession', startChatSession, {
      sessionId: crypto.randomUUID(),
      sessionType: input.sessionType,
      courseId: input.courseId ?? null,
      lessonId: input.lessonId ?? null,
      contextData: input.contextData ?? {},
      at: now().toISOString(),
    }),
  'chat.listSessions': async () => listChatSessions(db, session.requireUserId()),
  'chat.sendMessage': async ({ sessionId, content }) => {
    const message = await runMutation(db, session.requireUserId(), 'chat.appendMessage', appendChatMessage, {
      messageId: crypto.randomUUID(),
      sessionId,
      role: 'user',
      content,
      at: now().toISOString(),
    });
    events.emit('chat.message', { sessionId, messageId: message.id });
    return message;
  },
  'chat.listMessages': async (input) => listChatMessages(db, session.requireUserId(), input),
});
