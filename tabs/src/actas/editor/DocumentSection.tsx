import { Button, Caption1 } from '@fluentui/react-components';
import { DocumentArrowDown16Regular, Send16Regular } from '@fluentui/react-icons';
import type { ActaView } from '@okr/core';
import { actasText as a } from '../strings.js';
import { Section, useActaStyles } from './ActaLayout.js';
import type { Busy } from './useActaActions.js';
import { formatDate } from '../../core.js';

export interface DocumentSectionProps {
  view: ActaView;
  readOnly: boolean;
  busy: Busy;
  onDownload: () => void;
  onSendToOap: () => void;
  onCorrect: () => void;
}

/** The acta as a Word document (a draft until it is signed); once signed, the copy sent to the OAP and a corrected version. */
export function DocumentSection({ view, readOnly, busy, onDownload, onSendToOap, onCorrect }: DocumentSectionProps) {
  const styles = useActaStyles();
  const sentToOap = view.acta?.sentToOap;
  return (
    <Section title={a.sectionDocument}>
      <div className={styles.actions}>
        <Button icon={<DocumentArrowDown16Regular />} onClick={onDownload} disabled={!!busy} data-testid="acta-download">
          {busy === 'download' ? a.downloading : view.state === 'signed' ? a.download : a.downloadDraft}
        </Button>
        {!readOnly && view.canSendToOap && (
          <Button appearance="primary" icon={<Send16Regular />} onClick={onSendToOap} disabled={!!busy} data-testid="acta-send-oap">
            {busy === 'oap' ? a.sendingOap : a.sendOap}
          </Button>
        )}
        {!readOnly && view.canCorrect && (
          <Button onClick={onCorrect} disabled={!!busy} data-testid="acta-correct">
            {a.correct}
          </Button>
        )}
      </div>
      <Caption1 className={styles.muted}>{view.state === 'signed' ? (sentToOap ? a.sentOapOn(formatDate(sentToOap.on, 'short')) : a.oapHint) : a.downloadDraftHint}</Caption1>
    </Section>
  );
}
