import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DocumentArrowDown16Regular } from '@fluentui/react-icons';
import type { QuarterId } from '@okr/core';
import { useState } from 'react';
import type { ReviewApi } from '../api/review.js';
import { quarterLabel } from '../core.js';
import { saveFile } from '../ui/saveFile.js';
import { useLoad } from '../useLoad.js';
import { formatInstant } from './format.js';
import { reviewText as r } from './strings.js';

/**
 * Above the dashboard of a quarter that has ended: its close (who, when) with the .xlsx one click
 * away, or that the ETI has not closed it yet. Shown lazily by the okr module's dashboard.
 */
export default function QuarterCloseBanner({ api, quarter }: { api: Pick<ReviewApi, 'quarterClose' | 'downloadQuarterClose'>; quarter: QuarterId }) {
  const load = useLoad((signal) => api.quarterClose(quarter, signal), [api, quarter]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (load.state !== 'ready') return null;
  const closed = load.data.closed;
  async function download() {
    setBusy(true);
    setError(null);
    try {
      const file = await api.downloadQuarterClose(quarter);
      saveFile(file.blob, file.fileName);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <MessageBar intent={closed ? 'success' : 'info'} layout="multiline" data-testid="quarter-close-banner">
      <MessageBarBody>
        {closed ? r.close.banner(quarterLabel(quarter), closed.closedByName, formatInstant(closed.closedAt)) : r.close.bannerOpen(quarterLabel(quarter))}
        {error && <div role="alert">{error}</div>}
      </MessageBarBody>
      {closed && (
        <MessageBarActions>
          <Button size="small" icon={<DocumentArrowDown16Regular />} onClick={download} disabled={busy} data-testid="quarter-close-banner-download">
            {busy ? r.close.downloading : r.close.download}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
