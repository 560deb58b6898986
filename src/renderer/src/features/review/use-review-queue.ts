import { useCall } from '../../lib/use-call';
import { useCoreEvent } from '../../lib/use-core-event';

/** The day's «Повторение»; read again when a sync brings reviews or facts made on another computer. */
export function useReviewQueue() {
  const state = useCall('review.queue', {});
  useCoreEvent('sync.pulled', state.refresh);
  useCoreEvent('progress.changed', state.refresh);
  return state;
}
