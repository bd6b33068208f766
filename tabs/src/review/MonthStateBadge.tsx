import { Badge, type BadgeProps } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Circle16Regular, CircleHalfFill16Regular, Clock16Regular, Edit16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { UnitMonthState } from '@okr/core';
import type { ReactElement } from 'react';
import { reviewText as r } from './strings.js';

/** Colour and icon of a unit's month in the review: the label always goes with them, colour is never the only cue. */
const LOOK: Record<UnitMonthState, { color: NonNullable<BadgeProps['color']>; icon: ReactElement }> = {
  por_revisar: { color: 'brand', icon: <Clock16Regular /> },
  corregido: { color: 'brand', icon: <Edit16Regular /> },
  correccion_pedida: { color: 'warning', icon: <Warning16Filled /> },
  incompleto: { color: 'severe', icon: <CircleHalfFill16Regular /> },
  sin_reportar: { color: 'subtle', icon: <Circle16Regular /> },
  cerrado: { color: 'success', icon: <CheckmarkCircle16Filled /> },
};

/** A unit's month state: as the ETI names it, or (`forUnit`) as the unit's people read it. */
export function MonthStateBadge({ state, forUnit = false, size = 'medium' }: { state: UnitMonthState; forUnit?: boolean; size?: BadgeProps['size'] }) {
  const look = LOOK[state];
  return (
    <Badge appearance="tint" shape="rounded" size={size} color={look.color} icon={look.icon} data-state={state}>
      {forUnit ? r.statesForUnit[state] : r.states[state]}
    </Badge>
  );
}
