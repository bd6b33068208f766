import { makeStyles, tokens } from '@fluentui/react-components';

/** The raised surface of the views' cards, figures and table frames: white on the grey page. */
const surface = {
  backgroundColor: tokens.colorNeutralBackground1,
  border: `1px solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusXLarge,
} as const;

/**
 * The surfaces the tab's views share; a view adds its own layout with `mergeClasses(surface.card, styles.x)`
 * (later classes win, so a view may also change the padding or the corners).
 */
export const useSurfaceStyles = makeStyles({
  /** The surface alone (a list drawn as one block, a card with its own inner space). */
  surface,
  /** A table's frame: the surface, scrolling sideways when the table is wider than the screen. */
  frame: { ...surface, overflowX: 'auto' },
  /** A card: the surface with the usual inner space. */
  card: { ...surface, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  /** The dashed frame of an empty list: its message, a hint and whatever helps to start. */
  empty: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});
