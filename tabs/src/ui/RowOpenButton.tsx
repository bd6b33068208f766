import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  button: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, paddingInline: 0, fontWeight: tokens.fontWeightSemibold, height: 'auto', whiteSpace: 'normal' },
});

export interface RowOpenButtonProps {
  onOpen: () => void;
  /** Says what opens (the row's name alone is not enough for a screen reader). */
  label: string;
  testId: string;
  /** The row's name, as shown. */
  children: ReactNode;
}

/** The name in the first cell of a table row that opens on a click: the way to open it from the keyboard and for screen readers. */
export function RowOpenButton({ onOpen, label, testId, children }: RowOpenButtonProps) {
  const styles = useStyles();
  return (
    <Button
      appearance="transparent"
      className={styles.button}
      onClick={(e) => {
        e.stopPropagation(); // the row opens it too
        onOpen();
      }}
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
