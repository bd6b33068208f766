import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DocumentArrowDown16Regular } from '@fluentui/react-icons';
import type { QuarterId } from '@okr/core';
import type { ReviewApi } from '../api/review.js';
import { quarterLabel } from '../core.js';
import { useLoad } from '../useLoad.js';
import { formatInstant } from './format.js';
import { reviewText as r } from './strings.js';
import { useQuarterDownload } from './useQuarterDownload.js';

/**
 * Above the dashboard of a quarter that has ended: its close (who, when) with the .xlsx one click
 * away, or that the ETI has not closed it yet. Shown lazily by the okr module's dashboard.
 */
export default function QuarterCloseBanner({ api, quarter }: { api: Pick<ReviewApi, 'quarterClose' | 'downloadQuarterClose'>; quarter: QuarterId }) {
  const load = useLoad((signal) => api.quarterClose(quarter, signal), [api, quarter]);
  const { busy, error, download } = useQuarterDownload(api, quarter);
  if (load.state !== 'ready') return null;
  const closed = load.data.closed;
  return (
    <MessageBar intent={closed ? 'success' : 'info'} layout="multiline" data-testid="quarter-close-banner">
      <MessageBarBody>
        {closed ? r.close.banner(quarterLabel(quarter), closed.closedByName, formatInstant(closed.closedAt)) : r.close.bannerOpen(quarterLabel(quarter))}
        {error && <div role="alert">{error}</div>}
      </MessageBarBody>
      {closed && (
        <MessageBarActions>
          <Button size="small" icon={<DocumentArrowDown16Regular />} onClick={() => void download()} disabled={busy} data-testid="quarter-close-banner-download">
            {busy ? r.close.downloading : r.close.download}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
