import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { LessonDetail } from '../../../../shared/contract';
import { homeworkSubmissionInput } from '../../../../shared/contract/lessons';
import { ATTACHMENT_MAX_BYTES, HOMEWORK_TEXT_MAX, type AttachmentMime } from '../../../../shared/homework';
import { errorKey, useT } from '../../i18n';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/api-error';
import { checkInput, fieldErrorsOf } from '../../lib/field-errors';
import { readFileAsBase64 } from '../../lib/read-file';
import { useAction } from '../../lib/use-action';
import { useFocusFirstInvalid } from '../../lib/use-focus-first-invalid';
import { ATTACHMENT_ACCEPT, attachmentName, checkAttachmentFile, homeworkIssueKey } from './homework-view';
import { useFileSize } from './use-file-size';

type Homework = NonNullable<LessonDetail['homework']>;

interface HomeworkFormProps {
  lessonId: string;
  /** The answer given before, when the student changes it («Изменить ответ»). */
  previous: Homework['submission'];
  onSubmitted: (homework: Homework) => void;
  /** Back to the submitted answer without changing it; only when there is one. */
  onCancel?: () => void;
}

interface ChosenFile {
  file: File;
  mimeType: AttachmentMime;
}

/** The counter of characters appears once the answer nears the limit. */
const COUNTER_FROM = Math.floor(HOMEWORK_TEXT_MAX * 0.9);

const unreadable = () => new ApiError('invalid_input', 'The file could not be read', [{ path: 'attachment', message: 'not_base64' }]);

/**
 * «Ваш ответ» with an optional file, and «Сдать домашнее задание». The file is checked here (type and
 * size) before it is read; the core checks again, also that the bytes are what the type says.
 */
export function HomeworkForm({ lessonId, previous, onSubmitted, onCancel }: HomeworkFormProps) {
  const t = useT();
  const id = useId();
  const fileSize = useFileSize();
  const form = useRef<HTMLFormElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(previous?.text ?? '');
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [localIssue, setLocalIssue] = useState<string | null>(null);

  // Changing an answer starts in its text.
  const editing = previous !== null;
  useEffect(() => {
    if (editing) textarea.current?.focus();
  }, [editing]);

  const submit = useAction(async () => {
    // The text first: nothing is read while there is no answer to send it with.
    checkInput(homeworkSubmissionInput, { lessonId, text });
    let attachment: { name: string; mimeType: AttachmentMime; dataBase64: string } | undefined;
    if (chosen) {
      const dataBase64 = await readFileAsBase64(chosen.file).catch(() => Promise.reject(unreadable()));
      attachment = { name: attachmentName(chosen.file.name), mimeType: chosen.mimeType, dataBase64 };
    }
    const input = checkInput(homeworkSubmissionInput, attachment ? { lessonId, text, attachment } : { lessonId, text });
    const lesson = await api.call('homework.submit', input);
    if (lesson.homework) onSubmitted(lesson.homework);
  });
  useFocusFirstInvalid(form, submit.error);

  const errors = fieldErrorsOf(submit.error);
  const textIssue = errors.text ?? null;
  const fileIssue = localIssue ?? errors.attachment ?? null;
  const otherError = submit.error && !textIssue && !errors.attachment ? submit.error : null;

  const changeText = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setText(event.target.value);
    if (textIssue) submit.clearError();
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after it was refused.
    event.target.value = '';
    if (!file) return;
    if (errors.attachment) submit.clearError();
    const checked = checkAttachmentFile(file);
    if ('issue' in checked) {
      setChosen(null);
      setLocalIssue(checked.issue);
      return;
    }
    setLocalIssue(null);
    setChosen({ file, mimeType: checked.mimeType });
  };

  const removeFile = () => {
    setChosen(null);
    setLocalIssue(null);
    if (errors.attachment) submit.clearError();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };

  // A file the core found to be something else than its type says gets a sentence that names it.
  const fileSentence =
    fileIssue === null
      ? null
      : fileIssue === 'attachment_wrong_type' && !localIssue && chosen
        ? t('homework.issue.notWhatItSays', { name: chosen.file.name })
        : t(homeworkIssueKey(fileIssue), { size: t('fileSize.kilobytes', { size: ATTACHMENT_MAX_BYTES / 1024 }) });

  const textHintId = `${id}-text-hint`;
  const textErrorId = `${id}-text-error`;
  const fileHintId = `${id}-file-hint`;
  const fileErrorId = `${id}-file-error`;
  const fileInputId = `${id}-file`;

  return (
    <form ref={form} className="homework__form" onSubmit={onSubmit} noValidate data-testid="homework-form">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {t('homework.answer')}
        </label>
        <p id={textHintId} className="field__hint">
          {t('homework.answerHint')}
        </p>
        <textarea
          ref={textarea}
          id={`${id}-text`}
          name="text"
          className="field__input homework__textarea"
          rows={8}
          required
          maxLength={HOMEWORK_TEXT_MAX}
          value={text}
          onChange={changeText}
          aria-invalid={textIssue ? true : undefined}
          aria-describedby={textIssue ? `${textHintId} ${textErrorId}` : textHintId}
          data-testid="homework-text"
        />
        {text.length >= COUNTER_FROM && (
          <p className="field__hint homework__counter" aria-live="polite">
            {t('homework.length', { length: text.length, max: HOMEWORK_TEXT_MAX })}
          </p>
        )}
        {textIssue && (
          <p id={textErrorId} className="field__error" data-testid="homework-error" data-field="text">
            {t(homeworkIssueKey(textIssue))}
          </p>
        )}
      </div>

      <div className="field homework__file">
        <span className="field__label" id={`${id}-file-label`}>
          {t('homework.file')}
        </span>
        <p id={fileHintId} className="field__hint">
          {t('homework.fileHint', { size: t('fileSize.kilobytes', { size: ATTACHMENT_MAX_BYTES / 1024 }) })}
        </p>
        {previous?.attachment && !chosen && (
          <p className="notice homework__previous-file" data-testid="homework-previous-file">
            {t('homework.previousFile', { name: previous.attachment.name })}
          </p>
        )}
        {chosen && (
          <p className="homework__chosen" data-testid="homework-chosen-file">
            {t('homework.attached', { name: chosen.file.name, size: fileSize(chosen.file.size) })}
          </p>
        )}
        <div className="form__actions">
          <input
            id={fileInputId}
            className="visually-hidden file-input"
            type="file"
            accept={ATTACHMENT_ACCEPT}
            onChange={choose}
            aria-labelledby={`${id}-file-label ${id}-file-button`}
            aria-describedby={fileIssue ? `${fileHintId} ${fileErrorId}` : fileHintId}
            aria-invalid={fileIssue ? true : undefined}
            data-testid="homework-file"
          />
          <label id={`${id}-file-button`} className="button" htmlFor={fileInputId}>
            {chosen ? t('homework.fileChange') : t('homework.fileChoose')}
          </label>
          {chosen && (
            <button type="button" className="button" onClick={removeFile} data-testid="homework-file-remove">
              {t('homework.fileRemove')}
            </button>
          )}
        </div>
        {fileSentence && (
          <p id={fileErrorId} className="field__error" role="alert" data-testid="homework-error" data-field="attachment">
            {fileSentence}
          </p>
        )}
      </div>

      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-busy={submit.pending} data-testid="homework-submit">
          {submit.pending ? t('homework.submitting') : editing ? t('homework.resubmit') : t('homework.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} data-testid="homework-cancel">
            {t('common.cancel')}
          </button>
        )}
      </div>
      {otherError && (
        <p className="form-error" role="alert" data-testid="homework-error">
          {t('homework.submitError')} {t(errorKey(otherError.code))}
        </p>
      )}
    </form>
  );
}
