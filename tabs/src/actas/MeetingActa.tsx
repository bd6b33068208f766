import { Caption1, Dropdown, Field, Option, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { PlenariaSummary, QuarterId } from '@okr/core';
import { useMemo, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { quarterLabel, formatDate } from '../core.js';
import { pickMeetingPlenaria, todayInBogota } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import ActaEditor from './ActaEditor.js';
import { LoadError } from '../ui/LoadStatus.js';
import { useLoad } from '../useLoad.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  dropdown: { minWidth: 0, width: '100%' },
});

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
  const load = useLoad((signal) => api.plenarias(quarter, signal).then((data) => data.plenarias.filter((p) => p.plenaria.unitId === unitId)), [api, quarter, unitId]);
  const [chosen, setChosen] = useState<string | null>(null);

  const plenarias = load.state === 'ready' ? load.data : null;
  const picked = useMemo(() => (plenarias ? pickMeetingPlenaria(plenarias, unitId, today ?? todayInBogota()) : null), [plenarias, unitId, today]);

  if (load.state === 'loading') return <Spinner size="small" label={a.loadingActa} />;
  if (load.state === 'error') {
    return <LoadError message={load.message} onRetry={load.retry} testId="panel-acta-error" />;
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
  const label = (s: PlenariaSummary) => `${a.kindLabels[s.plenaria.kind]} · ${formatDate(s.plenaria.date, 'short')}`;
  const current = load.data.find((s) => s.plenaria.id === id) ?? picked;
  return (
    <div className={styles.root} data-testid="panel-acta">
      {load.data.length > 1 && (
        <Field label={a.panelPick}>
          <Dropdown className={styles.dropdown} value={label(current)} selectedOptions={[id]} onOptionSelect={(_, d) => d.optionValue && setChosen(d.optionValue)} data-testid="panel-acta-pick">
            {load.data.map((s) => (
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
