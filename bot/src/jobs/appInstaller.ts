import type { Person } from '@okr/core';

export type InstallOutcome = 'installed' | 'already_installed';

/**
 * Installs the Teams app in a person's personal scope, so the bot can reach someone who never
 * opened it: Teams then sends the bot an installationUpdate, OkrBot stores the conversation
 * reference, and the next run sends what was waiting. Production: GraphAppInstaller; locally none.
 */
export interface AppInstaller {
  install(person: Person): Promise<InstallOutcome>;
}

/** Records who it was asked to install for (tests; local runs log what would happen). */
export class RecordingAppInstaller implements AppInstaller {
  readonly installed: string[] = [];
  async install(person: Person): Promise<InstallOutcome> {
    if (this.installed.includes(person.id)) return 'already_installed';
    this.installed.push(person.id);
    return 'installed';
  }
}
