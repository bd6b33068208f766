/**
 * What the shell gives every person picker inside Teams: Teams' own people picker, and how a pick
 * becomes a person of the directory. A file of its own so the page's frame provides it without
 * loading the picker itself.
 */
import type { EntraPick, PersonRef } from '@okr/core';
import { createContext } from 'react';

/** A person a picker can show: the directory's `PersonRef`, with an e-mail when known (searched too). */
export type PickerPerson = PersonRef & { email?: string };

export interface TeamsPeople {
  select(options: { title: string; single: boolean; selected: readonly string[] }): Promise<EntraPick[]>;
  /** The directory person with this Entra id; null when the directory does not have them. */
  resolve(pick: EntraPick): Promise<PickerPerson | null>;
}

export const TeamsPeopleContext = createContext<TeamsPeople | null>(null);
