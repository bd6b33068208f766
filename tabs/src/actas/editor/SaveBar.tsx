import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { actasText as a } from '../strings.js';
import type { Busy } from './useActaActions.js';


const useStyles = makeStyles({
  saveBar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
  },
  dirty: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  clean: { color: tokens.colorNeutralForeground3 },
});

/** Stays at the bottom while the acta is written: whether everything is saved, and «Guardar» (also Ctrl+S). */
export function SaveBar({ dirty, busy, onSave }: { dirty: boolean; busy: Busy; onSave: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.saveBar} role="region" aria-label={a.saveBarLabel}>
      <span className={dirty ? styles.dirty : styles.clean} data-testid="acta-dirty" data-dirty={dirty} aria-live="polite">
        {dirty ? a.unsaved : a.allSaved}
      </span>
      <Button appearance="primary" onClick={onSave} disabled={!dirty || !!busy} aria-keyshortcuts="Control+S" title={a.saveShortcut} data-testid="acta-save">
        {busy === 'save' ? a.saving : a.save}
      </Button>
    </div>
  );
}
