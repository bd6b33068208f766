import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** The type and spacing the tab's views share. */
export const useViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  /** Read by screen readers, not shown. */
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

export interface ViewSectionProps {
  /** The id of the view's heading, which names the section. */
  titleId: string;
  title: string;
  intro: string;
  testId: string;
  /** Buttons and switches beside the heading (they wrap under it on a narrow screen). */
  tools?: ReactNode;
  children: ReactNode;
}

/** One of the tab's views (Plenarias, Compromisos, the OAP's actas, the dashboard): its heading and introduction, then its content. */
export function ViewSection({ titleId, title, intro, testId, tools, children }: ViewSectionProps) {
  const styles = useViewStyles();
  const heading = (
    <div>
      <h2 id={titleId} className={styles.h2}>
        {title}
      </h2>
      <Caption1 className={styles.intro}>{intro}</Caption1>
    </div>
  );
  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid={testId}>
      {tools === undefined ? (
        heading
      ) : (
        <div className={styles.head}>
          {heading}
          <div className={styles.tools}>{tools}</div>
        </div>
      )}
      {children}
    </section>
  );
}
