import { useState } from 'react';
import type { LessonDetail } from '../../../../shared/contract';
import { useRoute } from '../../app/router';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';
import { HomeworkFeedback } from './HomeworkFeedback';
import { HomeworkForm } from './HomeworkForm';
import { HomeworkSelfCheck } from './HomeworkSelfCheck';
import { HomeworkSubmission } from './HomeworkSubmission';

type Homework = NonNullable<LessonDetail['homework']>;

interface HomeworkTaskProps {
  homework: Homework;
  /** The lesson the homework belongs to; the lesson of the current route when not given. */
  lessonId?: string;
}

/** What the student ticked in the self-check, for one submission (a new one starts unticked). */
interface Ticks {
  submittedAt: string;
  indexes: ReadonlySet<number>;
}

/**
 * The lesson's homework: the task and what the marking looks at; the student's answer (text and an
 * optional file) and «Сдать домашнее задание»; once it is in, the answer as submitted, «Изменить
 * ответ», and the self-check against the model answer.
 */
export function HomeworkTask({ homework, lessonId }: HomeworkTaskProps) {
  const t = useT();
  const route = useRoute();
  const id = lessonId ?? (route.name === 'lesson' ? route.lessonId : null);
  // What «Сдать» returned: newer than the lesson the page loaded, as long as it is the same lesson.
  const [saved, setSaved] = useState<{ lessonId: string; homework: Homework } | null>(null);
  const [editing, setEditing] = useState(false);
  const [focusSubmitted, setFocusSubmitted] = useState(false);
  const [ticks, setTicks] = useState<Ticks | null>(null);

  const shown = saved !== null && saved.lessonId === id ? saved.homework : homework;
  const { submission } = shown;
  const showForm = id !== null && (submission === null || editing);
  const ticked = ticks !== null && submission !== null && ticks.submittedAt === submission.submittedAt ? ticks.indexes : new Set<number>();

  const submitted = (next: Homework) => {
    if (id === null) return;
    setSaved({ lessonId: id, homework: next });
    setEditing(false);
    setFocusSubmitted(true);
  };
  const reviewed = (next: Homework) => {
    if (id !== null) setSaved({ lessonId: id, homework: next });
  };
  const cancel = () => {
    setEditing(false);
    setFocusSubmitted(true);
  };
  const tick = (index: number, checked: boolean) => {
    if (!submission) return;
    const indexes = new Set(ticked);
    if (checked) indexes.add(index);
    else indexes.delete(index);
    setTicks({ submittedAt: submission.submittedAt, indexes });
  };

  return (
    <section
      className="card homework"
      aria-labelledby="lesson-homework"
      data-testid="homework"
      data-state={submission === null ? 'open' : editing ? 'editing' : 'submitted'}
    >
      <h2 id="lesson-homework" className="section-title">
        {t('lesson.homework')}
      </h2>
      <Markdown text={shown.prompt} className="homework__prompt" />
      {/* The criteria guide the writing; once the answer is in, they are the self-check's checklist. */}
      {(submission === null || showForm) && shown.criteria.length > 0 && (
        <>
          <h3 className="homework__criteria-title">{t('lesson.homeworkCriteria')}</h3>
          <ul className="homework__criteria">
            {shown.criteria.map((criterion, index) => (
              <li key={index} data-testid="homework-criterion">
                <Markdown text={criterion} inline />
              </li>
            ))}
          </ul>
        </>
      )}
      {showForm && id !== null ? (
        <HomeworkForm
          key={submission?.submittedAt ?? 'new'}
          lessonId={id}
          previous={submission}
          onSubmitted={submitted}
          onCancel={submission ? cancel : undefined}
        />
      ) : (
        submission && (
          <>
            <HomeworkSubmission submission={submission} onEdit={() => setEditing(true)} focus={focusSubmitted} />
            <HomeworkSelfCheck modelAnswer={shown.modelAnswer} criteria={shown.criteria} ticked={ticked} onTick={tick} />
            {id !== null && <HomeworkFeedback lessonId={id} feedback={shown.feedback} onReviewed={reviewed} />}
          </>
        )
      )}
    </section>
  );
}
