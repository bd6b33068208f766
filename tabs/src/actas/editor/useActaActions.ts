import type { SignatureRole } from '@okr/core';
import { useState } from 'react';
import type { ActasApi, SignatureRequestResult } from '../../api/actas.js';
import { ApiRequestError } from '../../api/http.js';
import { errorMessage } from '../../errorMessage.js';
import { reloadNotice, type ActaNotice } from '../actaHelpers.js';
import { actasText as a } from '../strings.js';
import { oapStatusDetail } from '../ActaBits.js';
import { saveFile } from '../../ui/saveFile.js';
import type { ActaDraftState } from './useActaDraft.js';


/** What is under way: one thing at a time, so buttons are disabled meanwhile. */
export type Busy = null | 'start' | 'save' | 'reload' | 'snapshot' | 'request' | 'sign' | 'oap' | 'correct' | 'download';

export type SignatureRequest = Pick<SignatureRequestResult, 'sentTo' | 'unreachable'>;

const isStale = (error: unknown) => error instanceof ApiRequestError && error.status === 409;

/**
 * What the person can do with the acta — start, save (a save over someone else's newer one is
 * refused: reloading merges it with what they typed), refresh the OKR results, ask for the
 * signatures, sign, record the copy sent to the OAP, correct and download — with what is under
 * way and what came of it.
 */
export function useActaActions(api: ActasApi, plenariaId: string, actaDraft: ActaDraftState, nameOf: (personId: string) => string) {
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<ActaNotice | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [requested, setRequested] = useState<SignatureRequest | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const { view, adopt } = actaDraft;
  const acta = view?.acta ?? null;

  async function run(kind: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(kind);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      if (isStale(error)) setConflict(errorMessage(error));
      else setNotice({ intent: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  const save = async (then?: () => void) => {
    if (!acta || !actaDraft.draft) return;
    const sent = actaDraft.draft;
    setConflict(null);
    await run('save', async () => {
      const wasSigned = view?.state === 'partially_signed';
      const next = await api.saveActa(plenariaId, { documentVersion: acta.documentVersion, version: acta.version, draft: sent });
      actaDraft.adoptSaved(sent, next);
      setRequested(null);
      setNotice({ intent: 'success', text: wasSigned && next.state === 'draft' ? a.savedSignatureWithdrawn : a.saved });
      then?.();
    });
  };

  /** After a stale save: the acta as saved now, merged with what the person typed. */
  const reload = () =>
    run('reload', async () => {
      const { mine, base } = actaDraft.current();
      const next = await api.acta(plenariaId);
      const conflicts = adopt(next);
      setConflict(null);
      setNotice(reloadNotice(actaDraft.dirty && mine && base ? { mine, base } : null, next.state === 'signed', conflicts, nameOf));
    });

  return {
    busy,
    notice,
    conflict,
    requested,
    correcting,
    setCorrecting,
    save,
    reload,
    start: () => run('start', async () => void adopt(await api.startActa(plenariaId))),
    refreshResults: () =>
      run('snapshot', async () => {
        adopt(await api.refreshActaResults(plenariaId, acta!.documentVersion, acta!.version));
        setNotice({ intent: 'success', text: a.resultsRefreshed });
      }),
    requestSignatures: () =>
      run('request', async () => {
        const result = await api.requestSignatures(plenariaId, acta!.documentVersion, acta!.version);
        adopt(result.view);
        setRequested({ sentTo: result.sentTo, unreachable: result.unreachable });
      }),
    signAs: (part: SignatureRole) =>
      run('sign', async () => {
        const next = await api.signActa(plenariaId, acta!.documentVersion, acta!.version, part);
        adopt(next);
        setNotice({ intent: 'success', text: next.state === 'signed' ? a.signedComplete : a.signedPart });
      }),
    sendToOap: () =>
      run('oap', async () => {
        const next = await api.sendActaToOap(plenariaId, acta!.documentVersion);
        adopt(next);
        setNotice({ intent: 'success', text: a.sentToOap(oapStatusDetail(next.oap)) });
      }),
    correct: (reason: string) =>
      run('correct', async () => {
        const next = await api.correctActa(plenariaId, acta!.documentVersion, reason);
        adopt(next);
        setCorrecting(false);
        setNotice({ intent: 'success', text: a.corrected(next.acta?.documentVersion ?? acta!.documentVersion + 1) });
      }),
    download: (version: number) =>
      run('download', async () => {
        const file = await api.downloadActa(plenariaId, version);
        saveFile(file);
      }),
  };
}
