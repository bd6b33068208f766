/**
 * The acta editor's building blocks: its cards and headings, the facts of a plenaria, the
 * read-only texts, and the compact layout of the meeting side panel.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { createContext, useContext, type ReactNode } from 'react';
import { actasText as a } from '../strings.js';
import { useSurfaceStyles } from '../../ui/surfaceStyles.js';

/** The styles the acta's blocks share. */
export const useActaStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  },
  cardCompact: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, gap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  fact: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  factLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  factValue: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  intro: { color: tokens.colorNeutralForeground2 },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  itemHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  itemGrid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { margin: 0, whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  messageList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: '1.25em', whiteSpace: 'pre-wrap', userSelect: 'text' },
});

/** The side panel's layout: sections drop their introductions and fields their hints. */
export const CompactContext = createContext(false);

export function useCompact(): boolean {
  return useContext(CompactContext);
}

/** The class of one of the acta's cards: tighter in the side panel. */
export function useCardClass(): string {
  const styles = useActaStyles();
  const surface = useSurfaceStyles();
  const compact = useCompact();
  return mergeClasses(surface.card, styles.card, compact && styles.cardCompact);
}

/** A card of the acta under its heading; its introduction only where there is room for it. */
export function Section({ title, intro, children }: { title: string; intro?: string | undefined; children: ReactNode }) {
  const styles = useActaStyles();
  const compact = useCompact();
  const card = useCardClass();
  return (
    <section className={card}>
      <div>
        <h3 className={styles.h3}>{title}</h3>
        {intro && !compact && <Caption1 className={styles.intro}>{intro}</Caption1>}
      </div>
      {children}
    </section>
  );
}

/** One fact in a `<dl>`: its label above its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  const styles = useActaStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.factLabel}>{label}</dt>
      <dd className={styles.factValue}>{children}</dd>
    </div>
  );
}

/** The points of a message (what is missing, what was kept), one a line and easy to select and copy. */
export function MessageItems({ items }: { items: readonly string[] }) {
  const styles = useActaStyles();
  return (
    <ul className={styles.messageList}>
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

/** A part of the acta as read, under its small heading. */
export function ReadBlock({ label, children }: { label: string; children: ReactNode }) {
  const styles = useActaStyles();
  return (
    <div>
      <h4 className={styles.h4}>{label}</h4>
      {children}
    </div>
  );
}

/** A text of the acta as read («Sin registrar.» when empty); `label` null when its section already names it. */
export function ReadText({ label, text, testId }: { label: string | null; text: string; testId: string }) {
  const styles = useActaStyles();
  const body = text.trim() ? (
    <p className={styles.text} data-testid={testId}>
      {text}
    </p>
  ) : (
    <Caption1 className={styles.muted} data-testid={testId}>
      {a.none}
    </Caption1>
  );
  return label === null ? body : <ReadBlock label={label}>{body}</ReadBlock>;
}
