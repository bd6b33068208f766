import { Badge, Tree, TreeItem, TreeItemLayout, makeStyles, mergeClasses, tokens, type TreeItemValue, type TreeOpenChangeData } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { foldText, type UnitNode } from '../../../core/src/directory.js';
import { directoryText as d } from './strings.js';

const useStyles = makeStyles({
  item: { minHeight: '32px' },
  current: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Whether a unit, or one under it, matches the hierarchy's filter (already folded: accents and case aside). */
export function matchesFilter(node: UnitNode, filter: string): boolean {
  return !filter || foldText(node.unit.name).includes(filter) || node.unit.id.includes(filter) || node.children.some((c) => matchesFilter(c, filter));
}

/** Every unit with units under it: the branches of the tree. */
export function branchIds(nodes: readonly UnitNode[]): string[] {
  return nodes.flatMap((n) => (n.children.length > 0 ? [n.unit.id, ...branchIds(n.children)] : []));
}

interface UnitTreeProps {
  nodes: UnitNode[];
  selected: string | null;
  onSelect: (unitId: string) => void;
  /** Folded filter text; while there is one, every branch that holds a match is open. */
  filter: string;
  /** The open branches (the person's choice; all of them at first). */
  open: ReadonlySet<string>;
  onOpenChange: (open: Set<string>) => void;
}

/**
 * The Directorio's unit hierarchy as an ARIA tree (Fluent UI's `Tree`: role tree, treeitem and
 * group, aria-level, aria-expanded, one tab stop with ↑ ↓ Inicio Fin between visible units, → opens
 * or goes to the first unit under, ← closes or goes to the unit above, typing a letter jumps).
 * Enter, Space or a click chooses a unit (aria-selected) without opening or closing it; the chevron
 * and the arrows open and close.
 */
export function UnitTree({ nodes, selected, onSelect, filter, open, onOpenChange }: UnitTreeProps) {
  const openItems = filter ? new Set(branchIds(nodes)) : open;
  const change = (_: unknown, data: TreeOpenChangeData) => {
    // A click (Enter is one) chooses the unit; only the chevron and the arrows open and close.
    if (filter || data.type === 'Click' || data.type === 'Enter') return;
    onOpenChange(new Set([...data.openItems].map(String)));
  };
  return (
    <Tree aria-label={d.hierarchyLabel} openItems={openItems as Iterable<TreeItemValue>} onOpenChange={change} size="small" data-testid="directory-tree">
      <UnitItems nodes={nodes} selected={selected} onSelect={onSelect} filter={filter} />
    </Tree>
  );
}

function UnitItems({ nodes, selected, onSelect, filter }: Pick<UnitTreeProps, 'nodes' | 'selected' | 'onSelect' | 'filter'>) {
  const styles = useStyles();
  const space = (id: string) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== ' ' || event.target !== event.currentTarget) return;
    event.preventDefault();
    onSelect(id);
  };
  return (
    <>
      {nodes
        .filter((n) => matchesFilter(n, filter))
        .map((n) => {
          const id = n.unit.id;
          const shownChildren = n.children.filter((c) => matchesFilter(c, filter));
          return (
            <TreeItem
              key={id}
              value={id}
              itemType={shownChildren.length > 0 ? 'branch' : 'leaf'}
              aria-selected={id === selected}
              onClick={() => onSelect(id)}
              onKeyDown={space(id)}
              data-testid={`unit-${id}`}
            >
              <TreeItemLayout
                className={mergeClasses(styles.item, id === selected && styles.current)}
                aside={!n.unit.active ? <Badge appearance="tint" color="subtle" size="small">{d.inactive}</Badge> : undefined}
              >
                {n.unit.name}
              </TreeItemLayout>
              {shownChildren.length > 0 && (
                <Tree>
                  <UnitItems nodes={shownChildren} selected={selected} onSelect={onSelect} filter={filter} />
                </Tree>
              )}
            </TreeItem>
          );
        })}
    </>
  );
}
