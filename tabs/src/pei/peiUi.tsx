import { Badge, makeStyles } from '@fluentui/react-components';
import type { PeiStatusCode, ValidationState } from '@okr/core';
import { formatCompliance, validationStateLabels } from './core.js';

/** "2026-09-30" → "30/09/2026" (how seed 002 prints its cut-offs). */
export const esDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const pct = (v: number | null): string => (v === null ? '—' : formatCompliance(v));

/** Long labels wrap inside their badge instead of being cut. */
const useBadgeStyles = makeStyles({ badge: { whiteSpace: 'normal', height: 'auto', minHeight: '20px', textAlign: 'left', paddingBlock: '1px' } });

const STATE_COLOR: Record<ValidationState | 'pending', 'informative' | 'warning' | 'success' | 'brand' | 'subtle'> = { pending: 'subtle', draft: 'informative', reported: 'brand', returned: 'warning', validated: 'success' };

export function ValidationBadge({ state }: { state: ValidationState | 'pending' }) {
  return (
    <Badge appearance="tint" color={STATE_COLOR[state]} className={useBadgeStyles().badge} data-testid="validation-state">
      {validationStateLabels[state]}
    </Badge>
  );
}

const STATUS_COLOR: Partial<Record<PeiStatusCode, 'danger' | 'success' | 'brand'>> = { rezago: 'danger', sobre_ejecucion: 'brand', en_cumplimiento: 'success' };

/** Seed 002's status text as a badge: «En cumplimiento», «Rezago X %», «Sobre ejecución X %». */
export function StatusBadge({ code, text }: { code: PeiStatusCode; text: string }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[code] ?? 'informative'} shape="rounded" className={useBadgeStyles().badge}>
      {text}
    </Badge>
  );
}
