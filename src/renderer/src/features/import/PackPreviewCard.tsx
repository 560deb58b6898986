import type { PackPreview } from '../../../../shared/contract';
import { useT, type Translate } from '../../i18n';

/** Who published the course the file would replace, in words. */
function publisherOf(t: Translate, current: NonNullable<PackPreview['current']>): string {
  if (current.publisher === 'import') return current.publishedBy ?? t('import.list.someone');
  if (current.publisher === null) return t('import.publisher.unknown');
  return t(`import.publisher.${current.publisher}`);
}

/**
 * What importing the file would do, before anything is written: the course added, updated or
 * replaced (and whose it was), each lesson's fate, the lessons that would leave and how many students
 * studied them, how many students are enrolled — and the confirmation, unless the rules forbid it.
 */
export function PackPreviewCard({ preview, pending, onConfirm, onCancel }: { preview: PackPreview; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const { current } = preview;
  return (
    <section className="import-preview" aria-labelledby="import-preview-title" data-testid="import-preview" data-action={preview.action}>
      <h3 id="import-preview-title" className="import-preview__title">
        {t('import.preview.title')}: {t('import.preview.course', { title: preview.title, version: preview.version })}
      </h3>
      <p data-testid="import-preview-action">
        {preview.action === 'add'
          ? t('import.preview.add')
          : preview.action === 'update'
            ? t('import.preview.update')
            : t('import.preview.replace', { title: current?.title ?? preview.title, who: current ? publisherOf(t, current) : t('import.publisher.unknown') })}
        {current?.version != null && ` ${t('import.preview.installed', { version: current.version })}`}
        {current?.retired && ` ${t('import.preview.restore')}`}
      </p>

      <h4 className="import-preview__subtitle">{t('import.preview.lessons')}</h4>
      <ol className="import-preview__lessons">
        {preview.lessons.map((lesson) => (
          <li key={lesson.number} data-testid="import-preview-lesson" data-change={lesson.change}>
            {lesson.title} <span className={`badge ${lesson.change === 'unchanged' ? 'badge--not-started' : 'badge--info'}`}>{t(`import.change.${lesson.change}`)}</span>
          </li>
        ))}
      </ol>

      {preview.retiring.length > 0 && (
        <>
          <h4 className="import-preview__subtitle">{t('import.preview.retiring')}</h4>
          <ul className="import-preview__lessons">
            {preview.retiring.map((lesson) => (
              <li key={`${lesson.number}-${lesson.title}`} data-testid="import-preview-retiring" data-students={lesson.students}>
                {t('lesson.number', { number: lesson.number })}. {lesson.title} —{' '}
                {lesson.students > 0 ? t('import.preview.retiringStudents', { count: lesson.students }) : t('import.preview.nobodyStudied')}
              </li>
            ))}
          </ul>
        </>
      )}

      <p data-testid="import-preview-students" data-enrolled={preview.students.enrolled}>
        {preview.students.enrolled > 0 ? t('import.preview.enrolled', { count: preview.students.enrolled }) : t('import.preview.nobodyEnrolled')}
        {preview.students.onRetiringLessons > 0 && ` ${t('import.preview.onRetiring', { count: preview.students.onRetiringLessons })}`}
      </p>

      {preview.blocked && (
        <p className="form-error" role="alert" data-testid="import-preview-blocked" data-block={preview.blocked}>
          {t(`import.blocked.${preview.blocked}`)}
        </p>
      )}
      <div className="form__actions">
        {!preview.blocked && (
          <button type="button" className="button button--primary" onClick={onConfirm} disabled={pending} aria-busy={pending} data-testid="import-confirm">
            {pending ? t('import.importing') : t(`import.confirm.${preview.action}`)}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} disabled={pending} data-testid="import-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
