import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { STALE_DATA_SECONDS } from '../../../core/src/api.js';
// Straight from its file, not through ../core.js: the shell is in the first load.
import { freshnessText } from '../../../core/src/i18n/es-CO/shared.js';
import { dataAgeSeconds, onDataAge } from '../api/dataAge.js';

// The page's column (MisOkr's width and side padding), so the notice lines up with the view under it.
const useStyles = makeStyles({
  column: {
    boxSizing: 'border-box',
    maxWidth: '1240px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL} 0`,
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  },
});

/**
 * Above every view: when the latest answer of the API says its data is older than a minute
 * (SharePoint could not be reached and the server answered from its cache), how old, in a polite
 * live region; nothing while the data is fresh.
 */
export function DataAgeNotice() {
  const styles = useStyles();
  const seconds = useSyncExternalStore(onDataAge, dataAgeSeconds);
  const stale = seconds > STALE_DATA_SECONDS;
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="data-age">
      {stale && (
        <div className={styles.column}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{freshnessText.stale(seconds)}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </div>
  );
}
