import { makeStyles, tokens } from '@fluentui/react-components';
import type { KeyResultView } from '@okr/core';
import { formatMonth, keyResultProgress } from '../core.js';
import { formatKrValue } from './format.js';
import { okrText as t } from './strings.js';

const W = 120;
const H = 28;

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  svg: { flexShrink: 0, overflow: 'visible' },
  line: { fill: 'none', stroke: tokens.colorBrandStroke1, strokeWidth: '2px' },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { stroke: tokens.colorNeutralStroke1, strokeDasharray: '3 3' },
});

/**
 * The KR's monthly values this quarter as a small line, between its baseline (bottom) and its
 * target (dashed top line). Shown from two months on; the text alternative lists every value.
 */
export function HistorySparkline({ kr }: { kr: KeyResultView }) {
  const styles = useStyles();
  if (kr.history.length < 2) return null;
  const points = kr.history.map((h, i) => {
    const p = Math.min(1.1, Math.max(0, keyResultProgress(kr, h.value)));
    return { x: (i * W) / (kr.history.length - 1), y: H - (p / 1.1) * H };
  });
  const label = t.historyAria(kr.history.map((h) => `${formatMonth(h.period)}: ${formatKrValue(kr, h.value)}`).join('; '));
  return (
    <div className={styles.root} data-testid={`history-${kr.id}`}>
      <svg className={styles.svg} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line className={styles.target} x1={0} x2={W} y1={H - H / 1.1} y2={H - H / 1.1} />
        <polyline className={styles.line} points={points.map((p) => `${p.x},${p.y}`).join(' ')} />
        {points.map((p, i) => (
          <circle key={i} className={styles.dot} cx={p.x} cy={p.y} r={2.5} />
        ))}
      </svg>
      <span>{t.historyCaption}</span>
    </div>
  );
}
