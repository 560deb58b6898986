import { useState } from 'react';
import type { ImportedCourse } from '../../../../shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { localeOf, useLanguage, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import type { CallState } from '../../lib/use-call';

/**
 * «Курсы из файлов»: what was imported on this computer, by whom and when, in the catalogue or
 * withdrawn. Withdrawing (the importer or an admin) asks first and keeps everyone's progress.
 */
export function ImportedCourses({ state }: { state: CallState<ImportedCourse[]> }) {
  const t = useT();
  const locale = localeOf(useLanguage((s) => s.language));
  const [asking, setAsking] = useState<string | null>(null);
  const withdraw = useAction(async (courseId: string) => {
    const list = await api.call('content.withdrawCourse', { courseId });
    state.update(() => list);
    setAsking(null);
  });
  if (state.error && !state.data) return <ErrorState title={t('import.list.title')} error={state.error} onRetry={state.reload} />;
  const courses = state.data ?? [];
  return (
    <section className="imported-courses" aria-labelledby="imported-courses-title" data-testid="imported-courses">
      <h3 id="imported-courses-title" className="import-preview__title">
        {t('import.list.title')}
      </h3>
      {courses.length === 0 ? (
        <p className="muted">{t('import.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('import.list.course')}</th>
                <th scope="col">{t('import.list.by')}</th>
                <th scope="col">{t('import.list.when')}</th>
                <th scope="col">{t('import.list.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('import.withdraw')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.courseId} data-testid="imported-course" data-course-id={course.courseId} data-retired={course.retired}>
                  <th scope="row">{course.title}</th>
                  <td>{course.importedBy ?? t('import.list.someone')}</td>
                  <td>{new Date(course.importedAt).toLocaleDateString(locale)}</td>
                  <td>{course.retired ? t('import.list.withdrawn') : t('import.list.inCatalogue')}</td>
                  <td>
                    {course.canWithdraw &&
                      (asking === course.courseId ? (
                        <div className="import-withdraw" role="group" aria-label={t('import.withdraw')}>
                          <p>{t('import.withdrawText', { title: course.title })}</p>
                          {withdraw.error && (
                            <p className="form-error" role="alert">
                              {t('import.withdrawError')}
                            </p>
                          )}
                          <div className="form__actions">
                            <button
                              type="button"
                              className="button button--danger"
                              onClick={() => void withdraw.run(course.courseId)}
                              disabled={withdraw.pending}
                              aria-busy={withdraw.pending}
                              data-testid="withdraw-confirm"
                            >
                              {t('import.withdrawConfirm')}
                            </button>
                            <button type="button" className="button" onClick={() => setAsking(null)} disabled={withdraw.pending}>
                              {t('common.cancel')}
                            </button>
                          </div>
                        </div>
                      ) : (
                        <button type="button" className="button button--small-inline" onClick={() => setAsking(course.courseId)} data-testid="imported-withdraw">
                          {t('import.withdraw')}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
