import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync16Regular } from '@fluentui/react-icons';
import type { IsoDate, OkrResultRow, PlenariaKind } from '@okr/core';
import { groupByObjective } from '../actaHelpers.js';
import { actasText as a } from '../strings.js';
import { Section } from './ActaLayout.js';
import type { Busy } from './useActaActions.js';

const useStyles = makeStyles({
  results: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  resultObjective: { fontWeight: tokens.fontWeightSemibold },
  resultRow: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  resultValue: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
});

export interface OkrResultsSectionProps {
  kind: PlenariaKind;
  rows: readonly OkrResultRow[];
  /** When the rows were taken (a validation plenaria's figures say it). */
  snapshotAt: string;
  /** The day OKR rows are of: the plenaria's date, or an earlier day while it is still ahead (provisional); null for validated figures. */
  on: IsoDate | null;
  plenariaDate: IsoDate;
  /** Whoever writes the acta may take them again. */
  editable: boolean;
  busy: Busy;
  onRefresh: () => void;
}

/** The unit's OKR results as reviewed in the plenaria, as of its date (provisional before it), under their objectives; a validation plenaria's validated figures. */
export function OkrResultsSection({ kind, rows, snapshotAt, on, plenariaDate, editable, busy, onRefresh }: OkrResultsSectionProps) {
  const styles = useStyles();
  const validation = kind === 'validacion';
  return (
    <Section
      title={validation ? a.validatedTitle : a.sectionResults}
      intro={validation ? a.validatedIntro(snapshotAt) : (on ?? plenariaDate) < plenariaDate ? a.resultsProvisional(on!) : a.resultsIntro(on ?? plenariaDate)}
    >
      {rows.length === 0 ? (
        <Caption1 data-testid="acta-results">{validation ? a.noValidated : a.noResults}</Caption1>
      ) : (
        <ul className={styles.results} data-testid="acta-results">
          {groupByObjective(rows).map((g, i) => (
            <li key={i}>
              <div className={styles.resultObjective}>{g.objective}</div>
              <ul className={styles.results}>
                {g.rows.map((r, j) => (
                  <li key={j} className={styles.resultRow}>
                    <span>{r.keyResult}</span>
                    <span className={styles.resultValue}>
                      <strong>{r.progress}</strong>
                      <Badge appearance="tint" shape="rounded" color="informative">
                        {r.status}
                      </Badge>
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div>
          <Button size="small" icon={<ArrowSync16Regular />} onClick={onRefresh} disabled={!!busy} data-testid="acta-snapshot">
            {busy === 'snapshot' ? a.refreshingResults : a.refreshResults}
          </Button>
        </div>
      )}
    </Section>
  );
}
