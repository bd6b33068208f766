import type { QuarterId } from '@okr/core';
import type { ReviewApi } from '../api/review.js';
import type { ReviewTarget } from '../shell/views.js';

/** What the shell hands the review module's entity-wide views: its API client and the quarter chosen on the page. */
export interface ReviewViewProps {
  api: ReviewApi;
  quarter: QuarterId;
  /** The unit's month open in «Revisión mensual» (`?unit=&month=` with `?view=revision`); null: the queue. Kept by the view itself when absent. */
  openReview?: ReviewTarget | null;
  onOpenReview?: (target: ReviewTarget | null) => void;
}
