import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AssignmentView, DirectoryChangeResult, DirectoryUnit, DirectoryView as Directory } from '@okr/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { foldText, ancestorsOf, unitTree } from '../../../core/src/directory.js';
import { unitLevelLabels } from '../../../core/src/i18n/es-CO/directory.js';
import type { DirectoryApi } from '../api/directory.js';
import { roleLabels } from '../core.js';
import { useLoad } from '../useLoad.js';
import { Loading, LoadError } from '../ui/LoadStatus.js';
import { useViewStyles, ViewSection } from '../ui/ViewSection.js';
import { DirectoryDialog, type DialogState } from './DirectoryDialogs.js';
import { RolesTable } from './RolesTable.js';
import { branchIds, UnitTree } from './UnitTree.js';
import { directoryText as d } from './strings.js';

const ImportDialog = lazy(() => import('./ImportDialog.js'));

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(240px, 340px) minmax(0, 1fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start', '@media (max-width: 820px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  // The column scrolls as a whole; nothing in it shrinks to make room for a long tree.
  tree: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxHeight: '70vh', overflow: 'auto', paddingRight: tokens.spacingHorizontalS, '& > *': { flexShrink: 0 } },
  detail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, columns: '2 260px' },
  objectivesHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** «Directorio»: the units as a hierarchy, who holds each role since when, the entity's roles, the strategic objectives, the imports. */
export default function DirectoryView({ api }: { api: DirectoryApi }) {
  const styles = useStyles();
  const view = useViewStyles();
  const load = useLoad((signal) => api.directory(signal), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; ended: AssignmentView[] } | null>(null);
  const [filter, setFilter] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [vigencia, setVigencia] = useState<number | null>(null);
  // The open branches of the hierarchy: all of them until the person closes some.
  const [open, setOpen] = useState<Set<string> | null>(null);

  if (load.state === 'loading') return <Loading label={d.loading} />;
  if (load.state === 'error') return <LoadError message={load.message} onRetry={load.retry} testId="directory-error" />;
  const data = load.data;
  const done = (result: DirectoryChangeResult, text: string) => {
    load.set(result.view);
    setDialog(null);
    setNotice({ text, ended: result.ended.filter((a) => a.to !== null && result.view.assignments.every((x) => !(x.role === a.role && x.unitId === a.unitId && x.current))) });
  };
  const download = async (get: () => Promise<{ blob: Blob; fileName: string }>) => {
    const file = await get();
    const url = URL.createObjectURL(file.blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
    link.click();
    URL.revokeObjectURL(url);
  };
  const unit = data.units.find((u) => u.id === selected) ?? null;
  const nodes = unitTree(data.units.filter((u) => showInactive || u.active));
  const openBranches = open ?? new Set(branchIds(nodes));
  /** Chooses a unit and opens the branches above it (a warning's link may point inside a closed one). */
  const choose = (unitId: string) => {
    setSelected(unitId);
    const above = ancestorsOf(data.units, unitId).map((u) => u.id).filter((id) => !openBranches.has(id));
    if (above.length > 0) setOpen(new Set([...openBranches, ...above]));
  };
  const people = new Map(data.people.map((p) => [p.id, p]));
  const tools = data.canEdit ? (
    <>
      <Button onClick={() => setImporting(true)} data-testid="directory-import">{d.importBook}</Button>
      <Button onClick={() => void download(() => api.exportDirectory())} data-testid="directory-export">{d.exportBook}</Button>
      <Button appearance="subtle" onClick={() => void download(() => api.directoryTemplate())}>{d.template}</Button>
    </>
  ) : (
    <Button appearance="subtle" onClick={() => void download(() => api.directoryTemplate())}>{d.template}</Button>
  );
  const entityAssignments = data.assignments.filter((a) => a.unitId === null);
  const actions = {
    onReplace: (assignment: AssignmentView) => setDialog({ kind: 'replace', assignment }),
    onEnd: (assignment: AssignmentView) => setDialog({ kind: 'end', assignment }),
    onLeave: (person: (typeof data.people)[number]) => setDialog({ kind: 'leave', person }),
  };
  return (
    <ViewSection titleId="directory-title" title={d.title} intro={data.canEdit ? d.intro : d.introReadOnly} testId="directory-view" tools={tools}>
      {notice && (
        <MessageBar intent="success" layout="multiline" data-testid="directory-notice">
          <MessageBarBody>
            {notice.text}
            {notice.ended.length > 0 && (
              <>
                <MessageBarTitle>{` ${d.endedTitle}`}</MessageBarTitle>
                {` ${d.endedIntro} `}
                {notice.ended.map((a) => `${roleLabels[a.role]}${a.unitName ? ` · ${a.unitName}` : ''}`).join('; ')}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.canEdit && data.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="directory-warnings">
          <MessageBarBody>
            <MessageBarTitle>{d.warningsTitle(data.warnings.length)}</MessageBarTitle>
            <ul className={styles.warnings}>
              {data.warnings.map((w) => (
                <li key={w.unitId}>
                  <Button appearance="transparent" size="small" onClick={() => choose(w.unitId)}>{w.unitName}</Button>
                  {`: ${w.missing.map((m) => d.warningMissing[m]).join(' y ')}`}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.layout}>
        <nav className={styles.tree} aria-label={d.hierarchyLabel}>
          <h3 className={view.h3}>{d.hierarchy}</h3>
          <Input value={filter} onChange={(_, v) => setFilter(v.value)} placeholder={d.searchUnits} aria-label={d.searchUnits} data-testid="directory-filter" />
          <Checkbox checked={showInactive} onChange={(_, v) => setShowInactive(Boolean(v.checked))} label={d.showInactive} />
          {data.canEdit && <Button size="small" onClick={() => setDialog({ kind: 'unit', unit: null })} data-testid="directory-new-unit">{d.newUnit}</Button>}
          <UnitTree nodes={nodes} selected={selected} onSelect={choose} filter={foldText(filter)} open={openBranches} onOpenChange={setOpen} />
        </nav>
        <div className={styles.detail}>
          {unit ? (
            <UnitDetail unit={unit} data={data} people={people} actions={actions} onDialog={setDialog} />
          ) : (
            <Caption1 className={styles.muted}>{d.chooseUnit}</Caption1>
          )}
          <section aria-labelledby="entity-roles-title" className={styles.detail} data-testid="directory-entity-roles">
            <div>
              <h3 id="entity-roles-title" className={view.h3}>{d.entityRoles}</h3>
              <Caption1 className={styles.muted}>{d.entityRolesIntro}</Caption1>
            </div>
            {data.canEdit && (
              <span className={styles.tools}>
                <Button size="small" onClick={() => setDialog({ kind: 'assign', unit: null })}>{d.assign}</Button>
              </span>
            )}
            <RolesTable assignments={entityAssignments.filter((a) => a.current)} people={people} canEdit={data.canEdit} {...actions} caption={d.entityRoles} testId="entity-roles" />
          </section>
          <Objectives data={data} vigencia={vigencia ?? Math.max(Number(data.today.slice(0, 4)), ...data.objectives.map((o) => o.vigencia))} onVigencia={setVigencia} onDialog={setDialog} />
        </div>
      </div>
      {dialog && <DirectoryDialog api={api} view={data} state={dialog} onClose={() => setDialog(null)} onDone={done} />}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog api={api} units={data.units} onClose={() => setImporting(false)} onApplied={load.retry} />
        </Suspense>
      )}
    </ViewSection>
  );
}

function UnitDetail({ unit, data, people, actions, onDialog }: { unit: DirectoryUnit; data: Directory; people: Map<string, Directory['people'][number]>; actions: Pick<Parameters<typeof RolesTable>[0], 'onReplace' | 'onEnd' | 'onLeave'>; onDialog: (s: DialogState) => void }) {
  const styles = useStyles();
  const view = useViewStyles();
  const mine = data.assignments.filter((a) => a.unitId === unit.id);
  const current = mine.filter((a) => a.current || (a.to === null && a.from > data.today));
  const past = mine.filter((a) => !current.includes(a));
  const parent = data.units.find((u) => u.id === unit.parentId);
  return (
    <section aria-labelledby="unit-title" className={styles.detail} data-testid="directory-unit">
      <div>
        <h3 id="unit-title" className={view.h3}>
          {unit.name} {!unit.active && <Badge appearance="tint" color="subtle">{d.inactive}</Badge>}
        </h3>
        <Caption1 className={styles.muted}>{`${unitLevelLabels[unit.level]} · ${parent ? d.unitParent(parent.name) : d.unitTop}`}</Caption1>
      </div>
      {data.canEdit && (
        <span className={styles.tools}>
          {unit.active && <Button size="small" appearance="primary" onClick={() => onDialog({ kind: 'assign', unit })} data-testid="directory-assign">{d.assign}</Button>}
          <Button size="small" onClick={() => onDialog({ kind: 'unit', unit })}>{d.editUnit}</Button>
          {unit.active && <Button size="small" onClick={() => onDialog({ kind: 'deactivate', unit })}>{d.deactivateUnit}</Button>}
        </span>
      )}
      <h4 className={view.h3}>{d.current}</h4>
      {current.length === 0 ? <Caption1>{d.noCurrent}</Caption1> : <RolesTable assignments={current} people={people} canEdit={data.canEdit} {...actions} caption={`${d.current}: ${unit.name}`} testId="unit-roles" />}
      <h4 className={view.h3}>{d.history}</h4>
      {past.length === 0 ? <Caption1 className={styles.muted}>{d.noHistory}</Caption1> : <RolesTable assignments={past} people={people} canEdit={false} {...actions} caption={`${d.history}: ${unit.name}`} testId="unit-history" history />}
    </section>
  );
}

function Objectives({ data, vigencia, onVigencia, onDialog }: { data: Directory; vigencia: number; onVigencia: (v: number) => void; onDialog: (s: DialogState) => void }) {
  const styles = useStyles();
  const view = useViewStyles();
  const years = useMemo(() => [...new Set([...data.objectives.map((o) => o.vigencia), Number(data.today.slice(0, 4)), Number(data.today.slice(0, 4)) + 1])].sort(), [data]);
  const rows = data.objectives.filter((o) => o.vigencia === vigencia && o.id !== 'viva-sin-alineacion');
  const h = d.objectiveHeaders;
  return (
    <section aria-labelledby="objectives-title" className={styles.detail} data-testid="directory-objectives">
      <div>
        <h3 id="objectives-title" className={view.h3}>{d.objectives}</h3>
        <Caption1 className={styles.muted}>{d.objectivesIntro}</Caption1>
      </div>
      <span className={styles.objectivesHead}>
        <Dropdown aria-label={d.vigencia} value={String(vigencia)} selectedOptions={[String(vigencia)]} onOptionSelect={(_, o) => o.optionValue && onVigencia(Number(o.optionValue))} data-testid="objectives-vigencia">
          {years.map((y) => (
            <Option key={y} value={String(y)}>{String(y)}</Option>
          ))}
        </Dropdown>
        {data.canEditObjectives && <Button size="small" onClick={() => onDialog({ kind: 'objective', vigencia, objective: null })} data-testid="objective-new">{d.newObjective}</Button>}
      </span>
      {rows.length === 0 ? (
        <Caption1>{d.noObjectives(vigencia)}</Caption1>
      ) : (
        <Table size="small" aria-label={`${d.objectives} ${vigencia}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{h.code}</TableHeaderCell>
              <TableHeaderCell>{h.title}</TableHeaderCell>
              <TableHeaderCell>{h.active}</TableHeaderCell>
              {data.canEditObjectives && <TableHeaderCell>{h.actions}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{o.code}</TableCell>
                <TableCell>{o.title}</TableCell>
                <TableCell>{o.active ? d.yes : d.no}</TableCell>
                {data.canEditObjectives && (
                  <TableCell>
                    <Button size="small" onClick={() => onDialog({ kind: 'objective', vigencia, objective: o })}>{d.editObjective}</Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
