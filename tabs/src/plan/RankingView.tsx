import { Button, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import type { QuarterId, RankingRow } from '@okr/core';
import { Fragment, useState } from 'react';
import type { PlanApi } from '../api/plan.js';
import { errorMessage } from '../errorMessage.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { formatCompliance, formatNumber } from './core.js';
import { saveFile, yearQuarter } from './planUi.js';
import { planText as p } from './strings.js';

const useStyles = makeStyles({
  table: { minWidth: '720px' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  detail: { backgroundColor: tokens.colorNeutralBackground2 },
  inner: { minWidth: '600px' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  filter: { width: '100%', maxWidth: '220px' },
  muted: { color: tokens.colorNeutralForeground3 },
  name: { justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular, paddingInline: 0, minWidth: 0 },
});

type Level = 'all' | 'central' | 'alcaldia';

/** «Ranking de gestión» (activity 12): the quarter's positions, with the figures behind each one, and its .xlsx. */
export default function RankingView({ api, quarter }: { api: PlanApi; quarter: QuarterId }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { year, q } = yearQuarter(quarter);
  const load = useLoad((signal) => api.ranking(year, q, signal), [api, year, q], { key: quarter });
  const [open, setOpen] = useState<string | null>(null);
  const [level, setLevel] = useState<Level>('all');
  const [error, setError] = useState<string | null>(null);
  const r = p.ranking;

  if (load.state === 'loading') return <Loading label={p.loadingRanking} />;
  if (load.state === 'error') return <LoadError title={p.errorTitle} message={load.message} onRetry={load.retry} testId="ranking-error" />;
  const d = load.data;
  const rows = d.rows.filter((x) => level === 'all' || x.unitKind === level);
  const download = (comite: boolean) => api.downloadRanking(year, q, comite).then(saveFile, (e) => setError(errorMessage(e)));
  const state = (x: RankingRow) => r.states[x.quarterState ?? 'none'];

  return (
    <ViewSection
      titleId="ranking-title"
      title={r.title(year, `T${q}`)}
      intro={r.intro(formatCompliance(d.cap))}
      testId="ranking-view"
      tools={
        <>
          <Button icon={<ArrowDownload20Regular />} onClick={() => download(false)} data-testid="ranking-download">
            {r.download}
          </Button>
          <Button icon={<ArrowDownload20Regular />} onClick={() => download(true)} data-testid="ranking-comite">
            {r.comite}
          </Button>
        </>
      }
    >
      {error && <Caption1 role="alert">{error}</Caption1>}
      <div className={styles.bar}>
        <ChoiceDropdown<Level> label={r.filter} value={level} options={['all', 'central', 'alcaldia']} optionLabel={(x) => (x === 'all' ? r.all : x === 'central' ? r.central : r.local)} onChange={setLevel} testId="ranking-filter" className={styles.filter} />
        <Caption1 className={styles.muted} data-testid="ranking-reviewed">
          {r.reviewed(d.closed, d.plans)}
        </Caption1>
      </div>
      {rows.length === 0 ? (
        <div className={surface.empty}>{r.empty}</div>
      ) : (
        <div className={surface.frame}>
          <Table className={styles.table} aria-labelledby="ranking-title" data-testid="ranking-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{r.position}</TableHeaderCell>
                <TableHeaderCell>{r.unit}</TableHeaderCell>
                <TableHeaderCell>{r.level}</TableHeaderCell>
                <TableHeaderCell>{r.score}</TableHeaderCell>
                <TableHeaderCell>{r.counted}</TableHeaderCell>
                <TableHeaderCell>{r.state}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((x) => (
                <Fragment key={x.unitId}>
                  <TableRow data-testid={`ranking-row-${x.unitId}`}>
                    <TableCell className={styles.num}>{x.position ?? r.noPosition}</TableCell>
                    <TableCell>
                      <Button appearance="transparent" className={styles.name} icon={open === x.unitId ? <ChevronDown16Regular /> : <ChevronRight16Regular />} aria-expanded={open === x.unitId} aria-label={open === x.unitId ? r.hide(x.unitName) : r.details(x.unitName)} onClick={() => setOpen(open === x.unitId ? null : x.unitId)}>
                        {x.unitName}
                      </Button>
                    </TableCell>
                    <TableCell>{x.unitKind === 'alcaldia' ? r.local : r.central}</TableCell>
                    <TableCell className={styles.num}>{formatCompliance(x.score)}</TableCell>
                    <TableCell className={styles.num}>{x.metas.filter((m) => m.counted !== null).length}</TableCell>
                    <TableCell>{state(x)}</TableCell>
                  </TableRow>
                  {open === x.unitId && (
                    <TableRow className={styles.detail}>
                      <TableCell colSpan={6}>
                        <Table size="small" className={styles.inner} aria-label={r.details(x.unitName)} data-testid={`ranking-detail-${x.unitId}`}>
                          <TableHeader>
                            <TableRow>
                              <TableHeaderCell>{r.meta}</TableHeaderCell>
                              <TableHeaderCell>{r.weight}</TableHeaderCell>
                              <TableHeaderCell>{r.compliance}</TableHeaderCell>
                              <TableHeaderCell>{r.countedPct}</TableHeaderCell>
                            </TableRow>
                          </TableHeader>
                          <TableBody>
                            {x.metas.map((m) => (
                              <TableRow key={m.metaId}>
                                <TableCell>
                                  {m.order}. {m.statement}
                                </TableCell>
                                <TableCell className={styles.num}>{formatNumber(m.weight)} %</TableCell>
                                <TableCell className={styles.num}>{formatCompliance(m.compliance)}</TableCell>
                                <TableCell className={styles.num}>{m.excluded ? r.excluded[m.excluded] : formatCompliance(m.counted)}</TableCell>
                              </TableRow>
                            ))}
                          </TableBody>
                        </Table>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </ViewSection>
  );
}
