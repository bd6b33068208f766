import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { t } from '../strings.js';

const useStyles = makeStyles({
  status: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXXL} 0` },
});

/** A view while its data loads: a spinner with what is loading, centred. */
export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.status}>
      <Spinner label={label} />
    </div>
  );
}

export interface LoadErrorProps {
  /** What could not be loaded («No se pudo cargar …»); none in the compact meeting surfaces. */
  title?: string;
  /** Why (the server's or the network's message, in Spanish). */
  message: string;
  /** «Reintentar». */
  onRetry: () => void;
  testId?: string;
}

/** A view's data could not be loaded: why, and «Reintentar». */
export function LoadError({ title, message, onRetry, testId }: LoadErrorProps) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
