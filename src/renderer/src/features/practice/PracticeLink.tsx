import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';

/** The lesson page's way into practice mode: its exercises one question at a time. */
export function PracticeLink({ lessonId }: { lessonId: string }) {
  const t = useT();
  return (
    <p className="practice-link">
      <a className="button" href={hrefFor({ name: 'practice', lessonId })} data-testid="practice-link">
        {t('practice.fromLesson')}
      </a>
    </p>
  );
}
