/** The acta's past: its versions (each downloadable) and what was done to it, by whom and when. */
import { Button, Caption1 } from '@fluentui/react-components';
import { DocumentArrowDown16Regular } from '@fluentui/react-icons';
import type { ActaView } from '@okr/core';
import { actasText as a } from '../strings.js';
import { Section, useActaStyles, useCompact } from './ActaLayout.js';
import type { Busy } from './useActaActions.js';
import { formatDateTime } from '../../core.js';

/** Every version, newest first, with its state, when it was signed and why it corrected the one before. */
export function VersionsSection({ versions, busy, onDownload }: { versions: ActaView['versions']; busy: Busy; onDownload: (version: number) => void }) {
  const styles = useActaStyles();
  if (versions.length === 0) return null;
  return (
    <Section title={a.sectionVersions}>
      <ol className={styles.list} data-testid="acta-versions">
        {[...versions]
          .sort((x, y) => y.documentVersion - x.documentVersion)
          .map((ver) => (
            <li key={ver.documentVersion} className={styles.itemHead}>
              <span>
                <strong>{a.versionLabel(ver.documentVersion)}</strong> · {a.stateLabels[ver.state]}
                {ver.signedAt && ` · ${a.signedOn(formatDateTime(ver.signedAt, 'short'))}`}
                {ver.correctionReason && (
                  <>
                    <br />
                    <Caption1 className={styles.muted}>{a.correctionReasonLine(ver.correctionReason)}</Caption1>
                  </>
                )}
              </span>
              <Button size="small" appearance="subtle" icon={<DocumentArrowDown16Regular />} aria-label={a.downloadVersion(ver.documentVersion)} onClick={() => onDownload(ver.documentVersion)} disabled={!!busy} data-testid={`acta-download-v${ver.documentVersion}`} />
            </li>
          ))}
      </ol>
    </Section>
  );
}

/** What was done to the acta (not in the side panel, where there is no room for it). */
export function HistorySection({ history }: { history: ActaView['history'] }) {
  const styles = useActaStyles();
  const compact = useCompact();
  if (compact || history.length === 0) return null;
  return (
    <Section title={a.sectionHistory}>
      <ol className={styles.list} data-testid="acta-history">
        {history.map((h, i) => (
          <li key={i}>
            <Caption1>
              {formatDateTime(h.at, 'short')} · {h.actorName} · {a.historyActions[h.action as keyof typeof a.historyActions] ?? h.action}
            </Caption1>
          </li>
        ))}
      </ol>
    </Section>
  );
}
