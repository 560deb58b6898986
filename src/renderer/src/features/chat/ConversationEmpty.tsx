import type { ChatSession } from '../../../../shared/contract';
import type { TextKey } from '../../i18n';
import { useT } from '../../i18n';

const GENERAL: readonly TextKey[] = ['chat.example.fractions', 'chat.example.speed', 'chat.example.plan'];
const LESSON: readonly TextKey[] = ['chat.example.lessonSimpler', 'chat.example.lessonExample', 'chat.example.lessonCheck'];
const EXERCISE: readonly TextKey[] = ['chat.example.exerciseMistake', 'chat.example.exerciseHint', 'chat.example.lessonSimpler'];

/** A conversation without messages yet: what one can ask, a click away from the question box. */
export function ConversationEmpty({ session, onPick }: { session: ChatSession | undefined; onPick: (question: string) => void }) {
  const t = useT();
  const aboutExercise = typeof session?.contextData.exerciseId === 'string';
  const examples = aboutExercise ? EXERCISE : session?.sessionType === 'lesson' ? LESSON : GENERAL;
  return (
    <div className="chat-empty" data-testid="chat-empty-conversation">
      <h3 className="chat-empty__title">{t('chat.emptyConversation.title')}</h3>
      <p className="muted">{t('chat.emptyConversation.text')}</p>
      <ul className="chat-examples">
        {examples.map((key) => (
          <li key={key}>
            <button type="button" className="tile-button chat-example" onClick={() => onPick(t(key))} data-testid="chat-example">
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
