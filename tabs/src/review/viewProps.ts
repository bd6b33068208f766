import type { QuarterId } from '@okr/core';
import type { ReviewApi } from '../api/review.js';

/** What the shell hands the review module's entity-wide views: its API client and the quarter chosen on the page. */
export interface ReviewViewProps {
  api: ReviewApi;
  quarter: QuarterId;
}
