import { Caption1, Input } from '@fluentui/react-components';
import { formatClock } from '../core.js';

/** «9:00» → «09:00», «930» → «09:30»: what a person types, as the stored 24-hour «HH:MM». */
export function normalizeTime(text: string): string {
  const t = text.trim().replace(/\s+/g, '').replace('.', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}

/**
 * A clock time typed in 24 hours («14:30»), whatever the browser's language (the browser's own time
 * field shows «02:30 PM» in an English browser), with how it reads in es-CO beside it («2:30 p. m.»).
 */
export function TimeInput({ value, onChange, testId }: { value: string; onChange: (value: string) => void; testId?: string }) {
  const reading = formatClock(value);
  return (
    <Input
      value={value}
      inputMode="numeric"
      maxLength={5}
      placeholder="HH:MM"
      onChange={(_, d) => onChange(d.value)}
      onBlur={() => value && onChange(normalizeTime(value))}
      contentAfter={reading !== value ? <Caption1>{reading}</Caption1> : undefined}
      data-testid={testId}
    />
  );
}
