import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { ImportPackSection } from '../import/ImportPackSection';

/** «Добавить курс» (#/import): the pack import for teachers, who cannot open «Управление». */
export function ImportPackPage() {
  const t = useT();
  return (
    <section className="page">
      <PageTitle title={t('import.pageTitle')} />
      <p className="page__intro">{t('import.pageIntro')}</p>
      <ImportPackSection />
    </section>
  );
}
