import { Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, OptionGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Unit } from '@okr/core';
import { useEffect, useRef, useState } from 'react';
import type { ShellApi } from '../api/shell.js';
import type { TabConfigHost } from './host.js';
import { t } from '../strings.js';
import { useLoad } from '../useLoad.js';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '640px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  dropdown: { width: '100%', minWidth: 0 },
  listbox: { maxHeight: 'min(50vh, 360px)' },
  url: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** Short name for the tab's title: "OKR · Usaquén" rather than the whole "Alcaldía Local de Usaquén". */
export function shortUnitName(unit: Unit): string {
  return unit.name.replace(/^Alcaldía Local de /, '').replace(/^(Dirección|Subdirección|Oficina|Subsecretaría) (de |para (la |el )?)?/, '');
}

/** What the configured tab stores: its content address carries the unit (`?unit=`). */
export function tabConfigFor(unit: Unit, origin: string) {
  const url = `${origin}/?unit=${encodeURIComponent(unit.id)}`;
  return { entityId: `okr-${unit.id}`, contentUrl: url, websiteUrl: url, suggestedDisplayName: t.config.tabName(shortUnitName(unit)) };
}

/**
 * The configuration page of a channel, group-chat or meeting tab (`/config`): the person picks the
 * unit the tab shows; on Save, Teams gets the content address with `?unit=`.
 */
export default function ConfigPage({ api, config, origin = window.location.origin }: { api: ShellApi; config: TabConfigHost | null; origin?: string }) {
  const styles = useStyles();
  const me = useLoad((signal) => api.me(signal), [api]);
  const [unit, setUnit] = useState<Unit | null>(null);
  const chosen = useRef<Unit | null>(null);
  chosen.current = unit;

  useEffect(() => {
    if (!config) return;
    config.setValid(false);
    config.onSave((save) => {
      const current = chosen.current;
      if (!current) return save.fail(t.config.saveFailed);
      config.setConfig(tabConfigFor(current, origin)).then(
        () => save.succeed(),
        () => save.fail(t.config.saveFailed),
      );
    });
  }, [config, origin]);

  const choose = (u: Unit) => {
    setUnit(u);
    config?.setValid(true);
  };

  if (me.state === 'loading') return <main className={styles.page}><Spinner label={t.loadingMe} /></main>;
  if (me.state === 'error') {
    return (
      <main className={styles.page}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{me.message}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  const units = me.data.units;
  const groups = [
    { label: t.centralGroup, units: units.filter((u) => u.kind === 'central') },
    { label: t.alcaldiasGroup, units: units.filter((u) => u.kind === 'alcaldia') },
  ].filter((g) => g.units.length > 0);
  const preview = unit && tabConfigFor(unit, origin);
  return (
    <main className={styles.page} data-testid="config-page">
      <h1 className={styles.h1}>{t.config.title}</h1>
      <Text className={styles.muted}>{t.config.intro}</Text>
      {!config && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.config.outsideTeams}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.config.unitLabel}>
        <Dropdown
          className={styles.dropdown}
          listbox={{ className: styles.listbox }}
          placeholder={t.unitPlaceholder}
          data-testid="config-unit"
          value={unit?.name ?? ''}
          selectedOptions={unit ? [unit.id] : []}
          onOptionSelect={(_, d) => {
            const u = units.find((x) => x.id === d.optionValue);
            if (u) choose(u);
          }}
        >
          {groups.map((g) => (
            <OptionGroup key={g.label} label={g.label}>
              {g.units.map((u) => (
                <Option key={u.id} value={u.id}>
                  {u.name}
                </Option>
              ))}
            </OptionGroup>
          ))}
        </Dropdown>
      </Field>
      {preview && unit && (
        <div data-testid="config-preview">
          <Text>{t.config.preview(unit.name)}</Text>
          <br />
          <Caption1 className={styles.muted}>
            {t.config.contentUrl}: <span className={styles.url}>{preview.contentUrl}</span>
          </Caption1>
        </div>
      )}
    </main>
  );
}
