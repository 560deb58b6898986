import { useEffect, useRef } from 'react';
import type { LessonDetail } from '../../../../shared/contract';
import { localeOf, useLanguage, useT } from '../../i18n';
import { formatSubmittedAt } from './homework-view';
import { useFileSize } from './use-file-size';

type Submission = NonNullable<NonNullable<LessonDetail['homework']>['submission']>;

interface HomeworkSubmissionProps {
  submission: Submission;
  onEdit: () => void;
  /** Takes the focus when it appears after «Сдать» or «Отмена», not when the page opens. */
  focus: boolean;
}

/** «Домашнее задание сдано …»: the answer as it was written (plain text, not Markdown), its file, «Изменить ответ». */
export function HomeworkSubmission({ submission, onEdit, focus }: HomeworkSubmissionProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const fileSize = useFileSize();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) title.current?.focus();
  }, [focus]);

  const date = formatSubmittedAt(submission.submittedAt, localeOf(language));
  const { attachment } = submission;
  return (
    <section className="homework__submitted" aria-labelledby="homework-submitted-title" data-testid="homework-submitted">
      <h3 id="homework-submitted-title" ref={title} tabIndex={-1} className="homework__submitted-title">
        <span aria-hidden="true">✓ </span>
        {date ? t('homework.submitted', { date }) : t('homework.submittedNoDate')}
      </h3>
      <h4 className="homework__subtitle">{t('homework.answer')}</h4>
      <p className="homework__answer-text" data-testid="homework-submitted-text">
        {submission.text}
      </p>
      {attachment && (
        <p className="homework__attachment" data-testid="homework-attachment">
          {t('homework.attached', { name: attachment.name, size: fileSize(attachment.size) })}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onEdit} data-testid="homework-edit">
          {t('homework.edit')}
        </button>
      </div>
    </section>
  );
}
