import { PageTitle } from '../components/PageTitle';
import { useT } from '../i18n';
import { hrefFor } from './routes';

export function NotFoundPage() {
  const t = useT();
  return (
    <section className="page">
      <PageTitle title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <a href={hrefFor({ name: 'courses' })}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
