import { Button } from '@fluentui/react-components';
import { actasText as a } from '../strings.js';
import { useActaStyles, useCardClass } from './ActaLayout.js';
import type { Busy } from './useActaActions.js';


/** A plenaria without an acta yet: who writes it may start it; everyone else is told who will. */
export function NoActa({ canStart, busy, onStart }: { canStart: boolean; busy: Busy; onStart: () => void }) {
  const styles = useActaStyles();
  const card = useCardClass();
  return (
    <div className={card} data-testid="acta-empty">
      <p className={styles.text}>{canStart ? a.noActaEditor : a.noActaReader}</p>
      {canStart && (
        <div>
          <Button appearance="primary" onClick={onStart} disabled={!!busy} data-testid="acta-start">
            {busy === 'start' ? a.starting : a.start}
          </Button>
        </div>
      )}
    </div>
  );
}
