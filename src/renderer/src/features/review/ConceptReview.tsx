import { useState } from 'react';
import type { ReviewCardView, ReviewRatingValue } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';

const RATINGS: readonly { rating: ReviewRatingValue; key: 'review.rate.again' | 'review.rate.hard' | 'review.rate.good' | 'review.rate.easy' }[] = [
  { rating: 1, key: 'review.rate.again' },
  { rating: 2, key: 'review.rate.hard' },
  { rating: 3, key: 'review.rate.good' },
  { rating: 4, key: 'review.rate.easy' },
];

/** A key concept: the term, «Показать ответ», then the definition and how well it was remembered. */
export function ConceptReview({ card, pending, onRate }: { card: ReviewCardView; pending: boolean; onRate: (rating: ReviewRatingValue) => void }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const concept = card.concept!;
  return (
    <>
      <p className="review-card__term" data-testid="review-term">
        {concept.term}
      </p>
      {shown ? (
        <>
          <div className="review-card__answer" data-testid="review-definition">
            <Markdown text={concept.definition} />
          </div>
          <p id="review-rate-label" className="field__hint">
            {t('review.rate.label')}
          </p>
          <div className="form__actions review-card__ratings" role="group" aria-labelledby="review-rate-label">
            {RATINGS.map(({ rating, key }) => (
              <button
                key={rating}
                type="button"
                className={rating === 3 ? 'button button--primary' : 'button button--secondary'}
                onClick={() => onRate(rating)}
                aria-busy={pending}
                data-testid={`review-rate-${rating}`}
              >
                {t(key)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => setShown(true)} data-testid="review-show">
            {t('review.show')}
          </button>
        </div>
      )}
    </>
  );
}
