import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';
import { useReviewQueue } from './use-review-queue';

/** On the home screen: how many cards are due today, and the way to them. Silent until there are cards. */
export function ReviewLink() {
  const t = useT();
  const { data } = useReviewQueue();
  if (!data || (data.dueCount === 0 && data.nextDueAt === null)) return null;
  return (
    <p className="review-link" data-testid="review-link" data-due={data.dueCount}>
      <a className="button button--secondary" href={hrefFor({ name: 'review' })}>
        {data.dueCount > 0 ? t('review.link.due', { count: data.dueCount }) : t('review.link.none')}
      </a>
    </p>
  );
}
