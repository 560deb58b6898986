import type { ExerciseAttempt } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import './ask-teacher.css';

interface AskTeacherButtonProps {
  lessonId: string;
  courseId?: string;
  /** On an exercise card: the exercise, and the student's latest try at it when there was one. */
  exerciseId?: string;
  attempt?: ExerciseAttempt;
  testId?: string;
  /** What it asks about («Задание 3»): a lesson has several of these buttons, each needs its context. */
  describedBy?: string;
}

/** «Спросить учителя»: a conversation about this lesson (or exercise) opens in the chat. */
export function AskTeacherButton({ lessonId, courseId, exerciseId, attempt, testId = 'ask-teacher', describedBy }: AskTeacherButtonProps) {
  const t = useT();
  const start = useAction(async () => {
    const session = await api.call('chat.startSession', { sessionType: 'lesson', lessonId, courseId, exerciseId, attempt });
    navigate({ name: 'chatSession', sessionId: session.id });
  });
  return (
    <span className="ask-teacher">
      <button type="button" className="button ask-teacher__button" onClick={() => void start.run()}
        aria-busy={start.pending}
        aria-describedby={describedBy}
        data-testid={testId}
      >
        {start.pending ? t('chat.ask.opening') : t('chat.ask')}
      </button>
      {start.error && (
        <span className="form-error ask-teacher__error" role="alert">
          {t('chat.ask.error')} {t(errorKey(start.error.code))}
        </span>
      )}
    </span>
  );
}
