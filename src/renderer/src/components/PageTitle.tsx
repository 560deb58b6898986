import { useEffect } from 'react';
import { useT } from '../i18n';

interface PageTitleProps {
  title: string;
  testId?: string;
}

/** The page's one <h1>; also names the window («Курсы — Teacher AI»). */
export function PageTitle({ title, testId }: PageTitleProps) {
  const t = useT();
  const documentTitle = t('app.documentTitle', { page: title });
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return (
    <h1 className="page__title" data-testid={testId}>
      {title}
    </h1>
  );
}
