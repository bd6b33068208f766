import { Caption1, Dropdown, Field, Option, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { PlenariaSummary, QuarterId } from '@okr/core';
import { useEffect, useMemo, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { errorMessage } from '../errorMessage.js';
import { quarterLabel } from '../core.js';
import { formatShortDay, pickMeetingPlenaria, todayInBogota } from './actaHelpers.js';
import { t } from '../strings.js';
import ActaEditor from './ActaEditor.js';
import { LoadError } from '../ui/LoadStatus.js';

const a = t.actas;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  dropdown: { minWidth: 0, width: '100%' },
});

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; plenarias: PlenariaSummary[] };

export interface MeetingActaProps {
  api: ActasApi;
  unitId: string;
  unitName: string;
  quarter: QuarterId;
  /** Today in Bogotá (tests pass a fixed day). */
  today?: string;
}

/** The side panel's «Acta»: the unit's plenaria of today (else the nearest of the quarter), in the compact editor. */
export default function MeetingActa({ api, unitId, unitName, quarter, today }: MeetingActaProps) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    api.plenarias(quarter, abort.signal).then(
      (data) => setLoad({ state: 'ready', plenarias: data.plenarias.filter((p) => p.plenaria.unitId === unitId) }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'error', message: errorMessage(error) });
      },
    );
    return () => abort.abort();
  }, [api, quarter, unitId, attempt]);

  const picked = useMemo(() => (load.state === 'ready' ? pickMeetingPlenaria(load.plenarias, unitId, today ?? todayInBogota()) : null), [load, unitId, today]);

  if (load.state === 'loading') return <Spinner size="small" label={a.loadingActa} />;
  if (load.state === 'error') {
    return <LoadError message={load.message} onRetry={() => setAttempt((n) => n + 1)} testId="panel-acta-error" />;
  }
  if (!picked) {
    return (
      <div className={styles.root} data-testid="panel-acta-empty">
        <Caption1>{a.panelNoPlenaria(unitName, quarterLabel(quarter))}</Caption1>
        <Caption1 className={styles.muted}>{a.panelNoPlenariaHint}</Caption1>
      </div>
    );
  }
  const id = chosen ?? picked.plenaria.id;
  const label = (s: PlenariaSummary) => `${a.kindLabels[s.plenaria.kind]} · ${formatShortDay(s.plenaria.date)}`;
  const current = load.plenarias.find((s) => s.plenaria.id === id) ?? picked;
  return (
    <div className={styles.root} data-testid="panel-acta">
      {load.plenarias.length > 1 && (
        <Field label={a.panelPick}>
          <Dropdown className={styles.dropdown} value={label(current)} selectedOptions={[id]} onOptionSelect={(_, d) => d.optionValue && setChosen(d.optionValue)} data-testid="panel-acta-pick">
            {load.plenarias.map((s) => (
              <Option key={s.plenaria.id} value={s.plenaria.id}>
                {label(s)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <ActaEditor key={id} api={api} plenariaId={id} compact />
    </div>
  );
}
