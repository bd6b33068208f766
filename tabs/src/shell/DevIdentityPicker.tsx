import {
  Avatar,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import type { DevPerson } from '@okr/core';
import { useMemo, useState } from 'react';
import type { ShellApi } from '../api/shell.js';
import { roleLabels } from '../core.js';
import { t } from '../strings.js';
import { useLoad } from '../useLoad.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '760px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}` },
  },
  head: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightBold },
  intro: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  item: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, ':first-child': { borderTop: 'none' } },
  person: {
    width: '100%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    borderRadius: 0,
  },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  personText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: 1 },
  name: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  roles: { display: 'flex', flexDirection: 'column' },
  role: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  roleName: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground3 },
  status: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXL} 0` },
});

function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function roleText(role: DevPerson['roles'][number]): string {
  return `${roleLabels[role.role]} · ${role.unitName ?? t.devEntityWide}`;
}

export interface DevIdentityPickerProps {
  api: ShellApi;
  currentId: string | null;
  /** Why the picker is shown (e.g. the server no longer knows the stored identity). */
  reason: string | null;
  onChoose: (personId: string) => void;
  onCancel: (() => void) | null;
}

/** Local development only: act as one of the seeded people. */
export default function DevIdentityPicker({ api, currentId, reason, onChoose, onCancel }: DevIdentityPickerProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const load = useLoad((signal) => api.devPeople(signal), [api]);
  const [query, setQuery] = useState('');
  const people = load.state === 'ready' ? load.data : null;
  /** 404: this server allows no development identity. */
  const error = load.state === 'error' ? { message: load.status === 404 ? t.devUnavailable : load.message, unavailable: load.status === 404 } : null;

  const filtered = useMemo(() => {
    if (!people) return [];
    const words = normalise(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return people;
    return people.filter((p) => {
      const haystack = normalise([p.id, p.name, p.jobTitle, ...p.roles.map(roleText)].join(' '));
      return words.every((w) => haystack.includes(w));
    });
  }, [people, query]);

  return (
    <main className={styles.page} data-testid="dev-identity-picker">
      <div className={styles.head}>
        <h1 className={styles.h1}>{t.devPickerTitle}</h1>
        {onCancel && <Button onClick={onCancel}>{t.devCancel}</Button>}
      </div>
      <Text className={styles.intro}>{t.devPickerIntro}</Text>
      {reason && (
        <MessageBar intent="warning">
          <MessageBarBody>{reason}</MessageBarBody>
        </MessageBar>
      )}
      {error ? (
        <MessageBar intent={error.unavailable ? 'info' : 'error'} layout="multiline">
          <MessageBarBody>
            {!error.unavailable && <MessageBarTitle>{t.meErrorTitle}</MessageBarTitle>}
            {error.message}
          </MessageBarBody>
          {!error.unavailable && (
            <MessageBarActions>
              <Button onClick={load.retry}>{t.retry}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : !people ? (
        <div className={styles.status}>
          <Spinner label={t.loadingPeople} />
        </div>
      ) : (
        <>
          <Field label={t.devSearchLabel}>
            <Input
              type="search"
              value={query}
              placeholder={t.devSearchPlaceholder}
              contentBefore={<Search20Regular aria-hidden="true" />}
              onChange={(_, d) => setQuery(d.value)}
            />
          </Field>
          <Caption1 className={styles.count} aria-live="polite">
            {filtered.length === 0 ? t.devNoMatches : t.devCount(filtered.length, people.length)}
          </Caption1>
          {filtered.length > 0 && (
            <ul className={mergeClasses(surface.surface, styles.list)}>
              {filtered.map((p) => (
                <li key={p.id} className={styles.item}>
                  <Button
                    appearance="subtle"
                    className={mergeClasses(styles.person, p.id === currentId && styles.current)}
                    onClick={() => onChoose(p.id)}
                    aria-current={p.id === currentId ? 'true' : undefined}
                    data-testid={`dev-person-${p.id}`}
                  >
                    <Avatar name={p.name} color="colorful" size={36} aria-hidden="true" />
                    <span className={styles.personText}>
                      <span className={styles.name}>
                        {p.name}
                        {p.id === currentId && ` · ${t.devCurrent}`}
                      </span>
                      <Caption1 className={styles.sub}>{p.jobTitle}</Caption1>
                      <span className={styles.roles}>
                        {p.roles.map((r, i) => (
                          <Caption1 key={i} className={styles.role}>
                            <span className={styles.roleName}>{roleLabels[r.role]}</span> · {r.unitName ?? t.devEntityWide}
                          </Caption1>
                        ))}
                      </span>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
