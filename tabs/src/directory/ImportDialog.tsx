import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import type { DirectoryUnit, ImportReport, ImportReportRow } from '@okr/core';
import { useId, useRef, useState } from 'react';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { importText } from '../../../core/src/i18n/es-CO/directoryImport.js';
import type { DirectoryApi } from '../api/directory.js';
import { errorMessage } from '../errorMessage.js';
import { directoryText as d } from './strings.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1040px, calc(100vw - 24px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { maxHeight: 'min(50vh, 460px)', overflow: 'auto' },
  table: { minWidth: '720px', tableLayout: 'auto' },
  summary: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  teams: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hidden: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  narrow: { width: '1%', whiteSpace: 'nowrap' },
});

const COLOR: Record<ImportReportRow['outcome'], NonNullable<BadgeProps['color']>> = { crear: 'success', cambiar: 'brand', terminar: 'warning', 'sin cambios': 'subtle', rechazada: 'danger' };

export interface ImportDialogProps {
  api: DirectoryApi;
  units: readonly DirectoryUnit[];
  onClose: () => void;
  /** A real run applied something: the Directorio reloads. */
  onApplied: () => void;
}

/** «Importar»: the directory workbook or the Viva Goals history; a dry run first, row by row, then the real run. */
export default function ImportDialog({ api, units, onClose, onApplied }: ImportDialogProps) {
  const styles = useStyles();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportReport['kind']>('directorio');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'dry' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [teams, setTeams] = useState<Record<string, string>>({});

  const run = async (apply: boolean) => {
    if (!file) return setError(d.chooseFile);
    setBusy(apply ? 'apply' : 'dry');
    setError(null);
    try {
      const r = kind === 'directorio' ? await api.importDirectory(file, apply) : await api.importViva(file, apply);
      setReport(r);
      setTeams(Object.fromEntries((r.unmappedTeams ?? []).map((t) => [t.team, t.suggestion ?? ''])));
      if (r.applied) onApplied();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const saveTeams = async () => {
    setBusy('dry');
    try {
      await api.confirmVivaTeams(Object.entries(teams).filter(([, unitId]) => unitId).map(([team, unitId]) => ({ team, unitId })));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(null);
      return;
    }
    await run(false);
  };

  const shown = report ? report.rows.filter((r) => r.outcome !== 'sin cambios') : [];
  const hidden = report ? report.rows.length - shown.length : 0;
  const canApply = report !== null && report.dryRun && report.counts.rechazada === 0 && report.counts.crear + report.counts.cambiar + report.counts.terminar > 0;
  const active = units.filter((u) => u.active);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby="import-intro">
        <DialogBody>
          <DialogTitle>{d.importTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1 id="import-intro">{d.importIntro}</Caption1>
            <Field label={d.importKind}>
              <RadioGroup layout="horizontal" value={kind} onChange={(_, v) => { setKind(v.value as ImportReport['kind']); setReport(null); }} data-testid="import-kind">
                {(['directorio', 'viva'] as const).map((k) => (
                  <Radio key={k} value={k} label={d.importKinds[k]} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={d.importFile} hint={d.importFileHint}>
              <span className={styles.file}>
                <input
                  id={fileId}
                  ref={input}
                  className={styles.hidden}
                  type="file"
                  accept={kind === 'directorio' ? '.xlsx' : '.xlsx,.csv,.zip'}
                  onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }}
                  tabIndex={-1}
                  aria-hidden="true"
                  data-testid="import-file"
                />
                <Button icon={<DocumentArrowUp20Regular />} onClick={() => input.current?.click()} data-testid="import-choose">{d.chooseFileButton}</Button>
                <span>{file ? file.name : d.noFile}</span>
              </span>
            </Field>
            {error && (
              <MessageBar intent="error" data-testid="import-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {report && (
              <section aria-labelledby="import-report-title" data-testid="import-report">
                <h3 id="import-report-title">{d.reportTitle(report.fileName, report.dryRun)}</h3>
                <MessageBar intent={report.counts.rechazada > 0 ? 'error' : report.applied ? 'success' : 'info'} layout="multiline">
                  <MessageBarBody>
                    <ul className={styles.summary}>
                      {report.summary.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
                {(report.unmappedTeams?.length ?? 0) > 0 && (
                  <fieldset>
                    <legend>{d.teamsTitle}</legend>
                    <Caption1 className={styles.muted}>{d.teamsIntro}</Caption1>
                    <div className={styles.teams}>
                      {report.unmappedTeams!.map((t) => (
                        <Field key={t.team} label={t.team}>
                          <Dropdown aria-label={d.teamUnit(t.team)} value={active.find((u) => u.id === teams[t.team])?.name ?? ''} selectedOptions={teams[t.team] ? [teams[t.team]!] : []} onOptionSelect={(_, o) => setTeams((m) => ({ ...m, [t.team]: o.optionValue ?? '' }))} data-testid={`import-team-${t.team}`}>
                            {active.map((u) => (
                              <Option key={u.id} value={u.id}>{u.name}</Option>
                            ))}
                          </Dropdown>
                        </Field>
                      ))}
                    </div>
                    <Button onClick={() => void saveTeams()} disabled={busy !== null} data-testid="import-save-teams">{d.saveTeams}</Button>
                  </fieldset>
                )}
                {shown.length > 0 && (
                  <div className={styles.scroll} tabIndex={0} role="region" aria-label={d.reportTitle(report.fileName, report.dryRun)}>
                    <Table className={styles.table} size="small" aria-label={d.reportTitle(report.fileName, report.dryRun)}>
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell className={styles.narrow}>{d.reportHeaders.sheet}</TableHeaderCell>
                          <TableHeaderCell className={styles.narrow}>{d.reportHeaders.row}</TableHeaderCell>
                          <TableHeaderCell className={styles.narrow}>{d.reportHeaders.outcome}</TableHeaderCell>
                          <TableHeaderCell>{d.reportHeaders.what}</TableHeaderCell>
                          <TableHeaderCell>{d.reportHeaders.reason}</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {shown.map((r, i) => (
                          <TableRow key={`${r.sheet}-${r.row}-${i}`} data-outcome={r.outcome}>
                            <TableCell>{r.sheet}</TableCell>
                            <TableCell>{r.row > 0 ? r.row : '—'}</TableCell>
                            <TableCell>
                              <Badge appearance="tint" color={COLOR[r.outcome]}>{importText.outcomeLabels[r.outcome]}</Badge>
                            </TableCell>
                            <TableCell>{r.what}</TableCell>
                            <TableCell>{r.reason}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </div>
                )}
                {hidden > 0 && <Caption1 className={styles.muted}>{d.unchangedHidden(hidden)}</Caption1>}
              </section>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={busy !== null}>{d.close}</Button>
            <Button onClick={() => void run(false)} disabled={busy !== null} data-testid="import-dry-run">{busy === 'dry' ? d.simulating : d.simulate}</Button>
            <Button appearance="primary" onClick={() => void run(true)} disabled={!canApply || busy !== null} data-testid="import-apply">{busy === 'apply' ? d.applying : d.apply}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
