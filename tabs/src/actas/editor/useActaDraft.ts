import type { ActaDraft, ActaView } from '@okr/core';
import { useEffect, useRef, useState } from 'react';
import type { ActasApi } from '../../api/actas.js';
import { useLoad } from '../../useLoad.js';
import { mergeDrafts, sameValue, type DraftField } from '../actaHelpers.js';

/** The acta and its working draft, as `useActaDraft` keeps them. */
export type ActaDraftState = ReturnType<typeof useActaDraft>;

/** Changes the working copy of the draft (`edit` gets a copy to change in place). */
export type UpdateDraft = (edit: (draft: ActaDraft) => void) => void;

/**
 * The acta as the server last sent it, and the person's working copy of its draft. Every answer
 * of the server is adopted with a three-way merge against the draft it started from, so what was
 * typed and not saved stays in the form; leaving the page with unsaved changes asks first.
 */
export function useActaDraft(api: ActasApi, plenariaId: string, onChanged?: (view: ActaView) => void) {
  const [draft, setDraft] = useState<ActaDraft | null>(null);
  const [base, setBase] = useState<ActaDraft | null>(null);
  const draftRef = useRef(draft);
  const baseRef = useRef(base);
  draftRef.current = draft;
  baseRef.current = base;
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  /** Merges the server's draft into the form: what the person typed and has not saved stays. Returns the fields both changed. */
  const adoptDraft = (view: ActaView): DraftField[] => {
    onChangedRef.current?.(view);
    const theirs = view.acta?.draft ?? null;
    const mine = draftRef.current;
    const old = baseRef.current;
    setBase(theirs);
    if (theirs && mine && old && !sameValue(mine, old) && view.state !== 'signed') {
      const merged = mergeDrafts(old, mine, theirs);
      setDraft(merged.draft);
      return merged.conflicts;
    }
    setDraft(theirs && structuredClone(theirs));
    return [];
  };

  const load = useLoad(
    (signal) => {
      // Another acta, or asking again: nothing typed before carries over.
      setDraft(null);
      setBase(null);
      draftRef.current = null;
      baseRef.current = null;
      return api.acta(plenariaId, signal);
    },
    [api, plenariaId],
    { onData: adoptDraft },
  );

  /** Takes the server's answer; what the person typed and has not saved stays in the form. Returns the fields both changed. */
  const adopt = (view: ActaView): DraftField[] => {
    load.set(view);
    return adoptDraft(view);
  };

  const dirty = !!draft && !!base && !sameValue(draft, base);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update: UpdateDraft = (edit) =>
    setDraft((d) => {
      if (!d) return d;
      const copy = structuredClone(d);
      edit(copy);
      return copy;
    });

  return {
    load,
    view: load.state === 'ready' ? load.data : null,
    draft,
    dirty,
    update,
    adopt,
    /** Takes the answer to a save of `sent`: whatever was typed while the request travelled stays, since the base is what was sent. */
    adoptSaved: (sent: ActaDraft, view: ActaView) => {
      baseRef.current = sent;
      return adopt(view);
    },
    /** What the person has typed and the draft it started from, as they are now. */
    current: () => ({ mine: draftRef.current, base: baseRef.current }),
    retry: load.retry,
  };
}
