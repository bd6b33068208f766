import { Badge, Button, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { AssignmentView, DirectoryPersonView } from '@okr/core';
import { formatDate } from '../core.js';
import { roleLabels } from '../core.js';
import { directoryText as d } from './strings.js';

const useStyles = makeStyles({
  table: { minWidth: '640px', tableLayout: 'auto' },
  contact: { overflowWrap: 'anywhere' },
  scroll: { overflowX: 'auto' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  person: { display: 'flex', flexDirection: 'column' },
});

export interface RolesTableProps {
  assignments: readonly AssignmentView[];
  people: ReadonlyMap<string, DirectoryPersonView>;
  /** The ETI and DTI see the actions. */
  canEdit: boolean;
  onReplace: (a: AssignmentView) => void;
  onEnd: (a: AssignmentView) => void;
  onLeave: (person: DirectoryPersonView) => void;
  caption: string;
  testId: string;
  /** The ended ones: read-only, «hasta» filled. */
  history?: boolean;
}

/** Who holds which role (current or past), with «desde» and «hasta», and the ETI's actions. */
export function RolesTable({ assignments, people, canEdit, onReplace, onEnd, onLeave, caption, testId, history = false }: RolesTableProps) {
  const styles = useStyles();
  const h = d.roleHeaders;
  const order = ['lider', 'enlace', 'promotor', 'secretario', 'coach', 'eti', 'oap', 'dti', 'miembro'];
  const rows = [...assignments].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || (history ? (b.to ?? '').localeCompare(a.to ?? '') : a.personName.localeCompare(b.personName, 'es')));
  return (
    <div className={styles.scroll}>
      <Table className={styles.table} size="small" aria-label={caption} data-testid={testId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{h.role}</TableHeaderCell>
            <TableHeaderCell>{h.person}</TableHeaderCell>
            <TableHeaderCell>{h.from}</TableHeaderCell>
            <TableHeaderCell>{history ? h.to : h.contact}</TableHeaderCell>
            {canEdit && !history && <TableHeaderCell>{h.actions}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => {
            const person = people.get(a.personId);
            return (
              <TableRow key={a.id} data-testid={`assignment-${a.role}-${a.personId}`}>
                <TableCell>{roleLabels[a.role]}</TableCell>
                <TableCell>
                  <span className={styles.person}>
                    <span>
                      {a.personName} {person && !person.active && <Badge appearance="tint" color="subtle" size="small">{d.inactive}</Badge>}
                    </span>
                    {person?.jobTitle && <Caption1 className={styles.muted}>{person.jobTitle}</Caption1>}
                  </span>
                </TableCell>
                <TableCell>{formatDate(a.from)}</TableCell>
                <TableCell>
                  {history ? (
                    a.to ? formatDate(a.to) : d.stillInForce
                  ) : (
                    <span className={`${styles.person} ${styles.contact}`}>
                      <span>{person?.email}</span>
                      {person?.phone && <Caption1 className={styles.muted}>{person.phone}</Caption1>}
                      {a.to && <Caption1 className={styles.muted}>{`${h.to}: ${formatDate(a.to)}`}</Caption1>}
                    </span>
                  )}
                </TableCell>
                {canEdit && !history && (
                  <TableCell>
                    <span className={styles.actions}>
                      {a.role !== 'miembro' && (
                        <Button size="small" onClick={() => onReplace(a)} data-testid={`replace-${a.role}-${a.personId}`}>
                          {d.replace}
                        </Button>
                      )}
                      <Button size="small" onClick={() => onEnd(a)} data-testid={`end-${a.role}-${a.personId}`}>
                        {d.end}
                      </Button>
                      {person?.active && (
                        <Button size="small" appearance="subtle" onClick={() => onLeave(person)} data-testid={`leave-${a.personId}`}>
                          {d.leave}
                        </Button>
                      )}
                    </span>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
