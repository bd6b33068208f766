import { Badge, type BadgeProps } from '@fluentui/react-components';
import { ArrowTrending16Regular, CheckmarkCircle16Filled, Circle16Regular, Clock16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { Status } from '@okr/core';
import type { ReactElement } from 'react';
import { statusLabels } from '../core.js';

/** Colour and icon per status: the label always goes with them, colour is never the only cue. */
export const statusAppearance: Record<Status, { color: NonNullable<BadgeProps['color']>; icon: ReactElement; bar: 'brand' | 'success' | 'warning' | 'error' }> = {
  completado: { color: 'success', icon: <CheckmarkCircle16Filled />, bar: 'success' },
  en_curso: { color: 'brand', icon: <ArrowTrending16Regular />, bar: 'brand' },
  atrasado: { color: 'warning', icon: <Clock16Regular />, bar: 'warning' },
  en_riesgo: { color: 'danger', icon: <Warning16Filled />, bar: 'error' },
  no_iniciado: { color: 'subtle', icon: <Circle16Regular />, bar: 'brand' },
};

export function StatusBadge({ status, size = 'medium', count, className }: { status: Status; size?: BadgeProps['size']; count?: number; className?: string }) {
  const look = statusAppearance[status];
  return (
    <Badge appearance="tint" shape="rounded" size={size} color={look.color} icon={look.icon} data-status={status} className={className}>
      {count === undefined ? statusLabels[status] : `${count} ${statusLabels[status].toLowerCase()}`}
    </Badge>
  );
}
