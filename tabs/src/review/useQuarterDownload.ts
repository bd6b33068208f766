import type { QuarterId } from '@okr/core';
import { useState } from 'react';
import type { ReviewApi } from '../api/review.js';
import { saveFile } from '../ui/saveFile.js';

/** «Descargar .xlsx» of a closed quarter: whether it is downloading, why it failed (Spanish), and the action. */
export function useQuarterDownload(api: Pick<ReviewApi, 'downloadQuarterClose'>, quarter: QuarterId) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      const file = await api.downloadQuarterClose(quarter);
      saveFile(file);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, download };
}
