/**
 * Small pieces shared by the plenarias, acta, commitments and OAP views: the state badges and the
 * editor of a list of short texts (the people pickers are the tab's one picker, ui/PersonPicker).
 */
import {
  Badge,
  Button,
  Caption1,
  Input,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Dismiss16Regular } from '@fluentui/react-icons';
import type { ActaState, ActaStatus, CommitmentStatus } from '@okr/core';
import { useEffect, useRef, useState } from 'react';
import { msg, formatDate } from '../core.js';
import { actasText as a } from './strings.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  grow: { flex: '1 1 auto', minWidth: 0 },
  picker: { minWidth: 0, width: '100%' },
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  optionTitle: { color: tokens.colorNeutralForeground3 },
  listbox: { maxHeight: 'min(50vh, 360px)' },
  /** A long badge («Pendiente (vence el …)») wraps in a narrow panel instead of spilling over. */
  wrapBadge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
});

const STATE_COLOR: Record<ActaState | 'none', NonNullable<BadgeProps['color']>> = {
  none: 'subtle',
  draft: 'informative',
  partially_signed: 'warning',
  signed: 'success',
};

/** «Sin acta», «Borrador», «Firmada parcialmente», «Firmada». */
export function ActaStateBadge({ state, testId }: { state: ActaState | null; testId?: string }) {
  return (
    <Badge appearance="tint" shape="rounded" color={STATE_COLOR[state ?? 'none']} data-state={state ?? 'none'} data-testid={testId}>
      {a.stateLabels[state ?? 'none']}
    </Badge>
  );
}

/** The copy to the OAP: «A tiempo», «Pendiente (vence el …)», «Vencida»; `short` where the deadline shows beside it. */
export function OapStatusBadge({ status, testId, short = false }: { status: ActaStatus; testId?: string; short?: boolean }) {
  const styles = useStyles();
  const color = status.oapStatus === 'a_tiempo' ? 'success' : status.oapStatus === 'vencida' ? 'danger' : 'warning';
  const label = short ? msg.actas.copyStatus[status.oapStatus] : oapStatusText(status);
  return (
    <Badge appearance="tint" shape="rounded" color={color} className={styles.wrapBadge} data-status={status.oapStatus} data-testid={testId} title={oapStatusDetail(status)}>
      {label}
    </Badge>
  );
}

export function oapStatusText(status: ActaStatus): string {
  if (status.oapStatus === 'pendiente') return a.oapPending(formatDate(status.deadline, 'short'));
  return msg.actas.copyStatus[status.oapStatus];
}

/** The long form, for a title or a sentence: when it was sent, or when it is or was due. */
export function oapStatusDetail(status: ActaStatus): string {
  if (status.sentOn) return a.oapSentOn(formatDate(status.sentOn, 'short'), formatDate(status.deadline, 'short'));
  return status.oapStatus === 'vencida' ? a.oapOverdue(formatDate(status.deadline, 'short')) : a.oapDue(formatDate(status.deadline, 'short'));
}

const COMMITMENT_COLOR: Record<CommitmentStatus, NonNullable<BadgeProps['color']>> = {
  abierto: 'informative',
  en_curso: 'brand',
  cumplido: 'success',
  cancelado: 'subtle',
};

export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  return (
    <Badge appearance="tint" shape="rounded" color={COMMITMENT_COLOR[status]} data-status={status}>
      {a.commitmentStatus[status]}
    </Badge>
  );
}

export interface ListEditorProps {
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** "Punto 2 del orden del día" */
  itemLabel: (n: number) => string;
  addLabel: string;
  testId: string;
  placeholder?: string;
}

/** A list of short texts (agenda, guests, decisions, proposals): Enter adds the next one. */
export function ListEditor({ items, onChange, itemLabel, addLabel, testId, placeholder }: ListEditorProps) {
  const styles = useStyles();
  const refs = useRef<Array<HTMLInputElement | null>>([]);
  const [focus, setFocus] = useState<number | null>(null);
  useEffect(() => {
    if (focus !== null) {
      refs.current[focus]?.focus();
      setFocus(null);
    }
  }, [focus, items.length]);
  const set = (i: number, text: string) => onChange(items.map((x, j) => (j === i ? text : x)));
  const insert = (at: number) => {
    onChange([...items.slice(0, at), '', ...items.slice(at)]);
    setFocus(at);
  };
  const remove = (i: number) => {
    onChange(items.filter((_, j) => j !== i));
    setFocus(Math.max(0, Math.min(i, items.length - 2)));
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
    setFocus(i + by);
  };
  return (
    <div data-testid={testId}>
      <ol className={styles.list}>
        {items.map((item, i) => (
          <li key={i} className={styles.item}>
            <Input
              className={styles.grow}
              value={item}
              input={{ ref: (el: HTMLInputElement | null) => void (refs.current[i] = el) }}
              aria-label={itemLabel(i + 1)}
              placeholder={placeholder}
              data-testid={`${testId}-${i + 1}`}
              onChange={(_, d) => set(i, d.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  insert(i + 1);
                }
              }}
            />
            {items.length > 1 && (
              <>
                <Button appearance="subtle" size="small" icon={<ArrowUp16Regular />} aria-label={a.moveUp(itemLabel(i + 1))} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button appearance="subtle" size="small" icon={<ArrowDown16Regular />} aria-label={a.moveDown(itemLabel(i + 1))} disabled={i === items.length - 1} onClick={() => move(i, 1)} />
              </>
            )}
            <Button appearance="subtle" size="small" icon={<Dismiss16Regular />} aria-label={a.removeItem(itemLabel(i + 1))} onClick={() => remove(i)} />
          </li>
        ))}
      </ol>
      <Button appearance="transparent" size="small" icon={<Add16Regular />} onClick={() => insert(items.length)} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </div>
  );
}

/** A read-only list of texts, or a dash when it is empty. */
export function TextList({ items, empty, testId }: { items: readonly string[]; empty: string; testId?: string }) {
  const filled = items.filter((x) => x.trim());
  if (filled.length === 0) return <Caption1 data-testid={testId}>{empty}</Caption1>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: '1.5em' }} data-testid={testId}>
      {filled.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ol>
  );
}
