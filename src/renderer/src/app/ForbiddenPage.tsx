import { PageTitle } from '../components/PageTitle';
import { useT } from '../i18n';
import { hrefFor } from './routes';

export function ForbiddenPage() {
  const t = useT();
  return (
    <section className="page" data-testid="forbidden-page">
      <PageTitle title={t('forbidden.title')} />
      <p>{t('forbidden.text')}</p>
      <p>
        <a href={hrefFor({ name: 'courses' })}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
