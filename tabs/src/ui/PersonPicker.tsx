/**
 * The one person picker of the tab: every person field (who presides, the secretary, attendees,
 * owners, recognitions, the Directorio's roles) uses it. It searches the directory as one types —
 * name, e-mail or job title, accents and case aside, at most 20 matches — and never lists everyone:
 * before anything is typed it shows only the suggestions it was given. What one types stays
 * typed; focusing a chosen name selects it, so typing starts a new search; leaving the field
 * without choosing puts back the chosen person. Inside Teams it also
 * offers Teams' own people picker (teams-js `people.selectPeople`).
 */
import {
  Button,
  Caption1,
  Combobox,
  Option,
  OptionGroup,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PeopleSearch20Regular } from '@fluentui/react-icons';
import type { EntraPick } from '@okr/core';
import { useContext, useMemo, useState } from 'react';
import { TeamsPeopleContext, type PickerPerson } from './teamsPeople.js';
import { searchPeople } from '../../../core/src/directory.js';
import { pickerText as t } from '../../../core/src/i18n/es-CO/tab/picker.js';

export { TeamsPeopleContext, type PickerPerson, type TeamsPeople } from './teamsPeople.js';

const MAX_MATCHES = 20;

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', minWidth: 0 },
  picker: { minWidth: 0, width: '100%', flex: '1 1 auto' },
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  listbox: { maxHeight: 'min(50vh, 360px)' },
  note: { color: tokens.colorPaletteRedForeground1 },
});

function PersonOption({ person }: { person: PickerPerson }) {
  const styles = useStyles();
  return (
    <span className={styles.option}>
      <span>{person.name}</span>
      {person.jobTitle && <Caption1 className={styles.muted}>{person.jobTitle}</Caption1>}
    </span>
  );
}

/** Teams' picker, for one person or several; null outside Teams. */
function useTeamsPick(people: readonly PickerPerson[], onNotFound: (message: string | null) => void) {
  const teams = useContext(TeamsPeopleContext);
  if (!teams) return null;
  return async (title: string, single: boolean, selected: readonly string[]): Promise<PickerPerson[]> => {
    onNotFound(null);
    const picks = await teams.select({ title, single, selected });
    const found: PickerPerson[] = [];
    for (const pick of picks) {
      const person = (await teams.resolve(pick)) ?? null;
      if (person) found.push(people.find((p) => p.id === person.id) ?? person);
      else onNotFound(t.notInDirectory(pick.displayName || pick.email));
    }
    return found;
  };
}

export interface PersonPickerProps {
  /** The directory (or the part of it the field may choose from). */
  people: readonly PickerPerson[];
  value: string;
  onChange: (personId: string, person: PickerPerson | null) => void;
  /** Shown before anything is typed (e.g. the unit's líder and enlace); nobody else is listed then. */
  suggestions?: readonly string[];
  disabled?: boolean;
  testId?: string;
  placeholder?: string;
  /** For a picker without its own Field (rows of a list); also the title of Teams' picker. */
  ariaLabel?: string;
  /** Inside Teams, a pick the directory does not have yet (the Directorio creates it on assignment). */
  onEntraPick?: (pick: EntraPick) => void;
}

/** One person of the directory, searched as one types. */
export function PersonPicker({ people, value, onChange, suggestions = [], disabled, testId, placeholder, ariaLabel, onEntraPick }: PersonPickerProps) {
  const styles = useStyles();
  const selected = people.find((p) => p.id === value) ?? null;
  const [typed, setTyped] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const query = typed ?? selected?.name ?? '';
  const matches = useMemo(() => (typed && typed.trim() ? searchPeople(people, typed, MAX_MATCHES + 1) : []), [people, typed]);
  const suggested = useMemo(() => suggestions.map((id) => people.find((p) => p.id === id)).filter((p): p is PickerPerson => Boolean(p)), [people, suggestions]);
  const teamsPick = useTeamsPick(people, setNote);
  const teams = useContext(TeamsPeopleContext);
  const shown = typed && typed.trim() ? matches.slice(0, MAX_MATCHES) : suggested;
  const choose = (id: string) => {
    setTyped(null);
    setNote(null);
    onChange(id, people.find((p) => p.id === id) ?? null);
  };
  const fromTeams = async () => {
    if (!teams) return;
    if (onEntraPick) {
      const [pick] = await teams.select({ title: ariaLabel ?? t.pickInTeams, single: true, selected: [] });
      if (pick) onEntraPick(pick);
      return;
    }
    const [person] = (await teamsPick?.(ariaLabel ?? t.pickInTeams, true, [])) ?? [];
    if (person) choose(person.id);
  };
  return (
    <span className={styles.option}>
      <span className={styles.row}>
        <Combobox
          className={styles.picker}
          listbox={{ className: styles.listbox }}
          freeform
          value={query}
          selectedOptions={value ? [value] : []}
          disabled={disabled}
          placeholder={placeholder ?? t.placeholder}
          aria-label={ariaLabel}
          data-testid={testId}
          onChange={(e) => setTyped(e.target.value)}
          onOptionSelect={(_, d) => {
            if (d.optionValue) choose(d.optionValue);
          }}
          onFocus={(e) => {
            // Typing replaces the chosen name instead of being inserted where the click put the caret.
            const input = e.target;
            if (typed === null && selected) requestAnimationFrame(() => input.select());
          }}
          onBlur={() => setTyped(null)}
        >
          {shown.length === 0 ? (
            <Option key="hint" value="" text="" disabled>
              {typed && typed.trim() ? t.noMatch : t.hint(people.length)}
            </Option>
          ) : (
            <OptionGroup label={typed && typed.trim() ? undefined : t.suggested}>
              {shown.map((p) => (
                <Option key={p.id} value={p.id} text={p.name}>
                  <PersonOption person={p} />
                </Option>
              ))}
              {matches.length > MAX_MATCHES && (
                <Option key="more" value="" text="" disabled>
                  {t.more(MAX_MATCHES)}
                </Option>
              )}
            </OptionGroup>
          )}
        </Combobox>
        {teams && !disabled && (
          <Button appearance="subtle" icon={<PeopleSearch20Regular />} aria-label={t.pickInTeamsLabel(ariaLabel ?? '')} title={t.pickInTeams} onClick={() => void fromTeams()} data-testid={testId ? `${testId}-teams` : undefined} />
        )}
      </span>
      {note && <Caption1 className={styles.note} role="status">{note}</Caption1>}
    </span>
  );
}

export interface PeoplePickerProps {
  people: readonly PickerPerson[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  testId?: string;
  ariaLabel: string;
  placeholder?: string;
}

/** Several people of the directory, as removable tags (the attendees), searched as one types. */
export function PeoplePicker({ people, value, onChange, testId, ariaLabel, placeholder }: PeoplePickerProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const chosen = new Set(value);
  const matches = query.trim() ? searchPeople(people.filter((p) => !chosen.has(p.id)), query, MAX_MATCHES) : [];
  const teamsPick = useTeamsPick(people, setNote);
  return (
    <span className={styles.option}>
      <span className={styles.row}>
        <TagPicker
          selectedOptions={[...value]}
          onOptionSelect={(_, d) => {
            if (d.value === '') return;
            onChange(d.selectedOptions);
            setQuery('');
          }}
        >
          <TagPickerControl data-testid={testId} className={styles.picker}>
            <TagPickerGroup aria-label={t.chosen}>
              {value.map((id) => (
                <Tag key={id} shape="rounded" value={id} dismissIcon={{ 'aria-label': t.remove }}>
                  {byId.get(id)?.name ?? id}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput aria-label={ariaLabel} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={value.length === 0 ? (placeholder ?? t.placeholder) : undefined} />
          </TagPickerControl>
          <TagPickerList className={styles.listbox}>
            {matches.length === 0 ? (
              <TagPickerOption value="" text="">
                {query.trim() ? t.noMatch : t.hint(people.length)}
              </TagPickerOption>
            ) : (
              matches.map((p) => (
                <TagPickerOption key={p.id} value={p.id} text={p.name} secondaryContent={p.jobTitle}>
                  {p.name}
                </TagPickerOption>
              ))
            )}
          </TagPickerList>
        </TagPicker>
        {teamsPick && (
          <Button
            appearance="subtle"
            icon={<PeopleSearch20Regular />}
            aria-label={t.pickInTeamsLabel(ariaLabel)}
            title={t.pickInTeams}
            onClick={async () => {
              const found = await teamsPick(ariaLabel, false, []);
              if (found.length > 0) onChange([...new Set([...value, ...found.map((p) => p.id)])]);
            }}
          />
        )}
      </span>
      {note && <Caption1 className={styles.note} role="status">{note}</Caption1>}
    </span>
  );
}
