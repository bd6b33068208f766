import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useViewStyles } from './ViewSection.js';

export interface ActionsTableProps {
  /** The id of the heading that names the table. */
  labelledBy: string;
  testId: string;
  /** The column names before the last one. */
  columns: readonly string[];
  /** The last column's name, for screen readers only: its cells hold each row's buttons. */
  actionsLabel: string;
  className?: string;
  size?: 'small';
  /** The rows. */
  children: ReactNode;
}

/** A table whose rows end in their buttons: the column names, then the buttons' column (named for screen readers only), then the rows. */
export function ActionsTable({ labelledBy, testId, columns, actionsLabel, className, size, children }: ActionsTableProps) {
  const view = useViewStyles();
  return (
    <Table className={className} aria-labelledby={labelledBy} data-testid={testId} size={size}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
          <TableHeaderCell>
            <span className={view.visuallyHidden}>{actionsLabel}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
