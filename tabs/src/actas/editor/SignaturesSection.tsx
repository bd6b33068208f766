import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Send16Regular, Signature16Regular } from '@fluentui/react-icons';
import type { ActaView, SignatureRole } from '@okr/core';
import { actasText as a } from '../strings.js';
import { Fact, MessageItems, Section, useActaStyles } from './ActaLayout.js';
import type { Busy, SignatureRequest } from './useActaActions.js';
import { formatDateTime } from '../../core.js';

const useStyles = makeStyles({
  signatures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
});

export interface SignaturesSectionProps {
  view: ActaView;
  /** Unsaved changes: they must be saved before asking for signatures or signing. */
  dirty: boolean;
  editable: boolean;
  readOnly: boolean;
  /** Whom the last request for signatures reached, and whom not. */
  requested: SignatureRequest | null;
  busy: Busy;
  onRequest: () => void;
  onSign: (part: SignatureRole) => void;
}

/**
 * The two signatures (secretary and presiding): who signed when, what is still missing before
 * signing, asking both for their signature in Teams, and signing one's own part.
 */
export function SignaturesSection({ view, dirty, editable, readOnly, requested, busy, onRequest, onSign }: SignaturesSectionProps) {
  const shared = useActaStyles();
  const styles = useStyles();
  const signedOn = (part: SignatureRole) => {
    const signature = view.acta?.signatures[part];
    return signature ? a.signedOn(formatDateTime(signature.at, 'short')) : a.notSigned;
  };
  const blocked = dirty || view.missing.length > 0 || !!view.signingClosed || !!busy;
  return (
    <Section title={a.sectionSignatures}>
      <dl className={styles.signatures} data-testid="acta-signatures">
        <Fact label={a.signSecretaryOf(view.secretary.name)}>{signedOn('secretary')}</Fact>
        <Fact label={a.signPresidingOf(view.presiding.name)}>{signedOn('presiding')}</Fact>
      </dl>
      {view.state !== 'signed' && view.signingClosed && (
        <MessageBar intent="info" layout="multiline" data-testid="acta-signing-closed">
          <MessageBarBody>{view.signingClosed}</MessageBarBody>
        </MessageBar>
      )}
      {view.state !== 'signed' &&
        (view.missing.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="acta-missing">
            <MessageBarBody>
              <MessageBarTitle>{a.missingTitle}</MessageBarTitle>
              {dirty && a.missingFromSaved}
              <MessageItems items={view.missing} />
            </MessageBarBody>
          </MessageBar>
        ) : (
          !view.signingClosed && <Caption1 data-testid="acta-missing">{a.readyToSign}</Caption1>
        ))}
      {editable && (
        <div className={shared.actions}>
          <Button icon={<Send16Regular />} onClick={onRequest} disabled={blocked} data-testid="acta-request-signatures">
            {busy === 'request' ? a.requesting : a.requestSignatures}
          </Button>
          <Caption1 className={shared.muted}>{dirty ? a.saveFirst : a.requestHint}</Caption1>
        </div>
      )}
      {requested && (
        <div data-testid="acta-request-result" aria-live="polite">
          {requested.sentTo.length > 0 && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{a.requestSent(requested.sentTo.join(', '))}</MessageBarBody>
            </MessageBar>
          )}
          {requested.unreachable.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{a.requestUnreachable(requested.unreachable.join(', '))}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {!readOnly && view.canSign.length > 0 && (
        <>
          <div className={shared.actions}>
            {view.canSign.map((part) => (
              <Button key={part} appearance="primary" icon={<Signature16Regular />} onClick={() => onSign(part)} disabled={blocked} data-testid={`acta-sign-${part}`}>
                {part === 'secretary' ? a.signAsSecretary : a.signAsPresiding}
              </Button>
            ))}
          </div>
          <Caption1 className={shared.muted}>{dirty ? a.saveFirst : a.signHint}</Caption1>
        </>
      )}
    </Section>
  );
}
