import { Badge, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ActaView } from '@okr/core';
import { isHttpsUrl, placeAndLink } from '../actaHelpers.js';
import { actasText as a } from '../strings.js';
import { ActaStateBadge, OapStatusBadge, oapStatusDetail } from '../ActaBits.js';
import { Fact, useCardClass, useCompact } from './ActaLayout.js';
import { formatClock, formatDate, formatDateAndClock } from '../../core.js';

const useStyles = makeStyles({
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h2Compact: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  badges: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
});

/** The id of the acta's heading, which names the whole editor. */
export const actaTitleId = (view: ActaView) => `acta-title-${view.plenaria.id}`;

/**
 * The plenaria the acta is of: its kind and unit, the acta's state and version, the copy to the
 * OAP, when and where it met (the meeting link opens it), who presided and who wrote the acta.
 */
export function ActaHeader({ view }: { view: ActaView }) {
  const styles = useStyles();
  const compact = useCompact();
  const card = useCardClass();
  const p = view.plenaria;
  const { place, link } = placeAndLink(p.location);
  return (
    <header className={card}>
      <h2 id={actaTitleId(view)} className={mergeClasses(styles.h2, compact && styles.h2Compact)}>
        {a.actaTitle(a.kindLabels[p.kind], view.unitName)}
      </h2>
      <div className={styles.badges}>
        <ActaStateBadge state={view.state} testId="acta-state" />
        {view.acta && <Badge appearance="outline" shape="rounded">{a.versionLabel(view.acta.documentVersion)}</Badge>}
        <OapStatusBadge status={view.oap} testId="acta-oap-status" />
      </div>
      <dl className={styles.facts}>
        <Fact label={a.factDate}>{compact ? `${formatDate(p.date, 'short')} · ${formatClock(p.startTime)} · ${a.modalityLabels[p.modality]}` : formatDateAndClock(p.date, p.startTime)}</Fact>
        {!compact && <Fact label={a.factModality}>{a.modalityLabels[p.modality]}</Fact>}
        <Fact label={p.modality === 'presencial' ? a.factPlace : a.factLink}>
          {link && isHttpsUrl(link) ? (
            <>
              {place && `${place} · `}
              <Link href={link} target="_blank" rel="noopener noreferrer">
                {a.openMeetingLink}
              </Link>
            </>
          ) : (
            p.location
          )}
        </Fact>
        <Fact label={a.factPresiding}>{view.presiding.name}</Fact>
        <Fact label={a.factSecretary}>{view.secretary.name}</Fact>
        {!compact && <Fact label={a.factOapDeadline}>{oapStatusDetail(view.oap)}</Fact>}
      </dl>
    </header>
  );
}
