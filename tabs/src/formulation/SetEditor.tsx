import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { InstitutionalObjective, KeyResultKind, MeResponse, QuarterId, SetViewResponse } from '@okr/core';
import { useEffect, useMemo, useState } from 'react';
import type { FormulationApi } from '../api/formulation.js';
import { formatDateTime, kindLabels, lockedNext, MAX_TITLE_LENGTH, previousQuarter, qualityAlerts, quarterLabel, setEventLabels, setStateLabels } from '../core.js';
import { asCore, blockingProblems, contentFromDraft, draftFromBundle, emptyDraft, emptyKr, emptyTactical, type SetDraft } from './setDraft.js';
import { formulationText as e } from './strings.js';
import { Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';

const EDITABLE = new Set(['draft', 'returned', 'rejected']);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  kr: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2.4fr) minmax(110px, 1fr) minmax(100px, 1fr) minmax(70px, 0.6fr) minmax(70px, 0.6fr) minmax(210px, 1.6fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    '@media (max-width: 720px)': { gridTemplateColumns: '1fr 1fr' },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  /** Fluent's Dropdown wants 250 px; in the KR grid it must fit its column. */
  narrow: { minWidth: 0, width: '100%' },
  cell: { minWidth: 0 },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SetEditorProps {
  api: FormulationApi;
  me: MeResponse;
  unitId: string;
  quarter: QuarterId;
}

/**
 * Formulation of a unit's set for a quarter (seed 000, activity 3): the enlace drafts it — or
 * starts from the previous quarter's set —, sees the 1 / 3 / 9 shape and the form alerts as they
 * type, saves, and sends it to the OKR coach. Everyone else reads it with its state and history.
 */
export default function SetEditor({ api, me, unitId, quarter }: SetEditorProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const card = mergeClasses(surface.surface, styles.card);
  const [view, setView] = useState<SetViewResponse | null | 'loading'>('loading');
  const [objectives, setObjectives] = useState<InstitutionalObjective[]>([]);
  const [draft, setDraft] = useState<SetDraft | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const isEnlace = me.roles.some((r) => r.role === 'enlace' && r.unitId === unitId);

  useEffect(() => {
    let live = true;
    setView('loading');
    setNotice(null);
    Promise.all([api.setView(unitId, quarter), api.institutionalObjectives()]).then(
      ([v, ios]) => {
        if (!live) return;
        setObjectives(ios);
        setView(v);
        setDraft(v ? draftFromBundle(v.bundle) : null);
      },
      (error: Error) => live && (setView(null), setNotice({ intent: 'error', text: error.message })),
    );
    return () => {
      live = false;
    };
  }, [api, unitId, quarter]);

  const alerts = useMemo(() => {
    if (!draft) return [];
    const { objectives: o, keyResults: k } = asCore(draft);
    return qualityAlerts(o, k);
  }, [draft]);
  const blocking = draft ? blockingProblems(draft) : [];

  async function run(action: () => Promise<SetViewResponse>, success: string) {
    setBusy(true);
    setNotice(null);
    try {
      const v = await action();
      setView(v);
      setDraft(draftFromBundle(v.bundle));
      setNotice({ intent: 'success', text: success });
    } catch (error) {
      setNotice({ intent: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  if (view === 'loading') return <Loading label={e.loading} />;
  const state = view?.bundle.set.state ?? 'draft';
  const editable = isEnlace && (view === null ? draft !== null : EDITABLE.has(state));
  const update = (edit: (d: SetDraft) => void) => setDraft((d) => (d ? applied(d, edit) : d));

  const save = () => run(() => api.saveDraft(unitId, quarter, view?.bundle.set.version ?? null, contentFromDraft(draft!)), e.saved);
  const submit = () =>
    run(async () => {
      const saved = await api.saveDraft(unitId, quarter, view?.bundle.set.version ?? null, contentFromDraft(draft!));
      const action = saved.bundle.set.state === 'rejected' ? 'resubmit' : 'submit';
      return api.act(saved.bundle.set.id, action, saved.bundle.set.version);
    }, view?.bundle.set.state === 'rejected' ? e.resubmitted : e.submitted);
  const lastComment = view?.events.filter((ev) => ev.comment).at(-1);
  /** Who may own a key result: the unit's people. */
  const people = (view && view.unitPeople) ?? [];

  return (
    <section className={styles.root} aria-labelledby="editor-title" data-testid="set-editor">
      <div className={styles.header}>
        <h2 id="editor-title" style={{ margin: 0 }}>{e.title(quarterLabel(quarter))}</h2>
        <Badge appearance="tint" color={state === 'active' ? 'success' : state === 'returned' || state === 'rejected' ? 'warning' : 'brand'} data-testid="set-state">
          {view ? setStateLabels[state] : e.noSet(quarterLabel(quarter))}
        </Badge>
      </div>
      <Caption1 className={styles.muted}>{e.intro}</Caption1>

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="editor-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {view && (state === 'returned' || state === 'rejected') && lastComment && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state === 'returned' ? e.returnedTitle : e.rejectedTitle}</MessageBarTitle>«{lastComment.comment}» — {lastComment.actorName}
          </MessageBarBody>
        </MessageBar>
      )}
      {view && !editable && <MessageBar intent="info"><MessageBarBody>{isEnlace ? e.readOnly(setStateLabels[state], lockedNext(state)) : e.onlyEnlace}</MessageBarBody></MessageBar>}

      {!view && !draft && (
        <div className={card}>
          <p style={{ margin: 0 }}>{e.noSet(quarterLabel(quarter))}</p>
          {isEnlace ? (
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy} onClick={() => run(() => api.reformulate(unitId, quarter, previousQuarter(quarter)), e.copied(quarterLabel(previousQuarter(quarter))))} data-testid="reformulate">
                {e.reformulate(quarterLabel(previousQuarter(quarter)))}
              </Button>
              <Button onClick={() => setDraft(emptyDraft(objectives[0]?.id ?? ''))} data-testid="start-blank">
                {e.startBlank}
              </Button>
            </div>
          ) : (
            <Caption1 className={styles.muted}>{e.onlyEnlace}</Caption1>
          )}
        </div>
      )}

      {draft && (
        <>
          <div className={card}>
            <Field label={e.strategic} required hint={e.characters(draft.strategicTitle.length, MAX_TITLE_LENGTH)}>
              <Textarea value={draft.strategicTitle} readOnly={!editable} onChange={(_, d) => update((x) => void (x.strategicTitle = d.value))} data-testid="strategic-title" />
            </Field>
            <Field label={e.institutional} required>
              <Dropdown
                disabled={!editable}
                value={objectives.find((o) => o.id === draft.institutionalObjectiveId)?.code ?? ''}
                selectedOptions={[draft.institutionalObjectiveId]}
                onOptionSelect={(_, d) => d.optionValue && update((x) => void (x.institutionalObjectiveId = d.optionValue!))}
              >
                {objectives.map((o) => (
                  <Option key={o.id} value={o.id} text={o.code}>{`${o.code} · ${o.title}`}</Option>
                ))}
              </Dropdown>
            </Field>
          </div>

          {draft.tactical.map((tac, ti) => (
            <div className={card} key={tac.id} data-testid={`tactical-${ti + 1}`}>
              <div className={styles.header}>
                <Field label={e.tactical(ti + 1)} required style={{ flex: 1 }}>
                  <Input value={tac.title} readOnly={!editable} onChange={(_, d) => update((x) => void (x.tactical[ti]!.title = d.value))} />
                </Field>
                {editable && (
                  <Button appearance="subtle" aria-label={e.removeTactical(ti + 1)} onClick={() => update((x) => void x.tactical.splice(ti, 1))}>
                    ✕
                  </Button>
                )}
              </div>
              {tac.keyResults.map((kr, ki) => (
                <div className={styles.kr} key={kr.id} data-testid={`kr-editor-${ti + 1}-${ki + 1}`}>
                  <Field className={styles.cell} label={e.krTitle(ti + 1, ki + 1)} required>
                    <Input className={styles.narrow} data-testid={`kr-title-${ti + 1}-${ki + 1}`} value={kr.title} readOnly={!editable} onChange={(_, d) => update((x) => void (x.tactical[ti]!.keyResults[ki]!.title = d.value))} />
                  </Field>
                  <Field className={styles.cell} label={e.kind}>
                    <Dropdown
                      className={styles.narrow}
                      disabled={!editable}
                      value={kindLabels[kr.kind]}
                      selectedOptions={[kr.kind]}
                      onOptionSelect={(_, d) => update((x) => void (x.tactical[ti]!.keyResults[ki]!.kind = d.optionValue as KeyResultKind))}
                    >
                      {(['percentage', 'number', 'milestone'] as const).map((k) => (
                        <Option key={k} value={k}>{kindLabels[k]}</Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <Field className={styles.cell} label={e.unit}>
                    <Input className={styles.narrow} value={kr.kind === 'number' ? kr.unitOfMeasure : kr.kind === 'percentage' ? '%' : 'hito'} disabled={kr.kind !== 'number' || !editable} onChange={(_, d) => update((x) => void (x.tactical[ti]!.keyResults[ki]!.unitOfMeasure = d.value))} />
                  </Field>
                  <Field className={styles.cell} label={e.baseline}>
                    <Input className={styles.narrow} inputMode="decimal" value={kr.kind === 'milestone' ? '0' : kr.baseline} disabled={kr.kind === 'milestone' || !editable} onChange={(_, d) => update((x) => void (x.tactical[ti]!.keyResults[ki]!.baseline = d.value))} />
                  </Field>
                  <Field className={styles.cell} label={e.target}>
                    <Input className={styles.narrow} inputMode="decimal" value={kr.kind === 'milestone' ? '1' : kr.target} disabled={kr.kind === 'milestone' || !editable} onChange={(_, d) => update((x) => void (x.tactical[ti]!.keyResults[ki]!.target = d.value))} />
                  </Field>
                  <Field className={styles.cell} label={e.owner}>
                    <Dropdown
                      className={styles.narrow}
                      disabled={!editable}
                      data-testid={`kr-owner-${ti + 1}-${ki + 1}`}
                      value={people.find((p) => p.id === kr.ownerId)?.name ?? (kr.ownerId ?? e.noOwner)}
                      selectedOptions={[kr.ownerId ?? '']}
                      onOptionSelect={(_, d) => update((x) => void (x.tactical[ti]!.keyResults[ki]!.ownerId = d.optionValue || null))}
                    >
                      <Option value="">{e.noOwner}</Option>
                      {people.map((p) => (
                        <Option key={p.id} value={p.id} text={p.name}>
                          {p.name}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  {editable ? (
                    <Button appearance="subtle" aria-label={e.removeKr(ti + 1, ki + 1)} onClick={() => update((x) => void x.tactical[ti]!.keyResults.splice(ki, 1))}>
                      ✕
                    </Button>
                  ) : (
                    <span />
                  )}
                </div>
              ))}
              {editable && (
                <div>
                  <Button size="small" onClick={() => update((x) => void x.tactical[ti]!.keyResults.push(emptyKr()))}>
                    {e.addKr}
                  </Button>
                </div>
              )}
            </div>
          ))}
          {editable && (
            <div>
              <Button onClick={() => update((x) => void x.tactical.push(emptyTactical()))}>{e.addTactical}</Button>
            </div>
          )}

          <div aria-live="polite" data-testid="editor-alerts">
            {alerts.length === 0 ? (
              <MessageBar intent="success"><MessageBarBody>{e.shapeOk}</MessageBarBody></MessageBar>
            ) : (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{e.alertsTitle(alerts.length)}</MessageBarTitle> {e.alertsHint}
                  <ul style={{ margin: `${tokens.spacingVerticalXS} 0 0` }}>
                    {alerts.map((a, i) => (
                      <li key={i}>{a.message}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          {editable && blocking.length > 0 && (
            <MessageBar intent="info" layout="multiline" data-testid="editor-blocking">
              <MessageBarBody>
                <MessageBarTitle>{e.blockingTitle}</MessageBarTitle>
                <ul style={{ margin: 0 }}>{blocking.map((b, i) => <li key={i}>{b}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {editable && (
            <div className={styles.actions}>
              <Button disabled={busy || blocking.length > 0} onClick={save} data-testid="save-draft">
                {busy ? e.saving : e.save}
              </Button>
              <Button appearance="primary" disabled={busy || blocking.length > 0} onClick={submit} data-testid="submit-set">
                {state === 'rejected' ? e.resubmit : e.submit}
              </Button>
            </div>
          )}
        </>
      )}

      {view && (
        <div className={card}>
          <strong>{e.history}</strong>
          {view.events.length === 0 ? (
            <Caption1 className={styles.muted}>{e.historyEmpty}</Caption1>
          ) : (
            <ol className={styles.history} data-testid="set-history">
              {view.events.map((ev) => (
                <li key={ev.id}>
                  <Caption1>
                    {formatDateTime(ev.at, 'short')} · {ev.actorName} ·{' '}
                    {setEventLabels[ev.action] ?? ev.action}
                    {ev.comment ? `: «${ev.comment}»` : ''}
                  </Caption1>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}

/** Applies an edit to a copy of the draft (state stays immutable for React). */
function applied(draft: SetDraft, edit: (d: SetDraft) => void): SetDraft {
  const copy = structuredClone(draft);
  edit(copy);
  return copy;
}
