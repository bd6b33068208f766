import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { DEFAULT_REMINDER_SETTINGS, isSendingTime, type Person, type ReminderSettings } from '@okr/core';
import type { Clock } from '../services/clock.js';
import type { AppInstaller } from './appInstaller.js';
import { toSendError, type Notifier } from './notifier.js';
import { planReminders, type PlannedReminder, type ReminderPlanStore } from './reminderPlan.js';
import { withDataAge } from '../store/dataAge.js';

/**
 * Builds the card of a reminder (the Teams card builders; kept out of jobs/). `dataAgeMs`: how old
 * the store's data the run planned from is (store/dataAge.ts; 0 when fresh) — past a minute the card
 * says so, as the bot's answers do.
 */
export type ReminderRenderer = (reminder: PlannedReminder, context: { dataAgeMs: number }) => Record<string, unknown>;

export interface RunReport {
  at: string;
  skipped: null | 'outside_hours' | 'paused';
  /** Due now (after snoozes), muted and unreachable included. */
  due: number;
  sent: string[];
  /** Already sent, or claimed by another instance (now or before a crash). */
  alreadyHandled: number;
  /** Refused by Teams or throttled too long: nothing delivered; a later run tries again. */
  failed: string[];
  /** Failed in a way that may have delivered it: left claimed, for the administrator («incierto»). */
  uncertain: string[];
  muted: number;
  /** People with something due whom the bot cannot reach (no conversation reference). */
  unreachable: string[];
}

const emptyReport = (now: Date): RunReport => ({ at: now.toISOString(), skipped: null, due: 0, sent: [], alreadyHandled: 0, failed: [], uncertain: [], muted: 0, unreachable: [] });

export interface ReminderSchedulerOptions {
  store: ReminderPlanStore;
  notifier: Notifier;
  clock: Clock;
  render: ReminderRenderer;
  log: Logger;
  settings?: ReminderSettings;
  /** Installs the app for people the bot cannot reach yet (Graph); none locally. */
  installer?: AppInstaller | null;
  /** Messages in flight at once (the limiter decides when each goes). */
  concurrency?: number;
  /** Who claims: one id per process, so a claim names the instance that took it. */
  owner?: string;
}

/**
 * Sends the reminders the procedure's calendar makes due. Each run: only on business days 08:00–17:00
 * Bogotá and unless paused; reads the units' state of this month and the last, computes what is due
 * (core), and for each reminder claims its key in the store, sends it, and marks it sent. The claim
 * is what makes it exactly-once across restarts, crashes and several instances (ADR 0003).
 */
export class ReminderScheduler {
  readonly owner: string;
  private cron: Cron | null = null;
  private running: Promise<RunReport> | null = null;
  /** People an installation was already asked for today (one Graph call per person and day). */
  private readonly installAsked = new Map<string, string>();

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Runs on the cron pattern (Bogotá time) until `stop`; overlapping runs are skipped. */
  start(pattern = '*/15 * * * *'): void {
    this.cron = new Cron(pattern, { timezone: 'America/Bogota', protect: true }, async () => {
      try {
        await this.runOnce();
      } catch (error) {
        this.options.log.error({ err: error }, 'reminder run failed');
      }
    });
  }

  stop(): void {
    this.cron?.stop();
    this.cron = null;
  }

  nextRun(): Date | null {
    return this.cron?.nextRun() ?? null;
  }

  /** One run now; a second call while one is running waits for it instead of starting another. */
  runOnce(): Promise<RunReport> {
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<RunReport> {
    const { store, clock, log } = this.options;
    const settings = this.options.settings ?? DEFAULT_REMINDER_SETTINGS;
    const now = clock.now();
    const report = emptyReport(now);
    if (!isSendingTime(now, settings)) return { ...report, skipped: 'outside_hours' };
    if ((await store.getReminderControl()).paused) return { ...report, skipped: 'paused' };

    // How old the data the plan was read from is (the SharePoint read cache notes it): the cards say so past a minute.
    const { result: plan, ageMs } = await withDataAge(() => planReminders(store, now, settings, log));
    report.due = plan.reminders.length;
    const toSend: PlannedReminder[] = [];
    const unreachable = new Set<string>();
    for (const r of plan.reminders) {
      if (r.muted) report.muted++;
      else if (r.log && !(r.log.state === 'failed')) report.alreadyHandled++;
      else if (!r.reachable) unreachable.add(r.key.personId);
      else toSend.push(r);
    }
    report.unreachable = [...unreachable].sort();
    await this.askInstallation(report.unreachable, plan.today);

    await this.dispatch(toSend, report, ageMs);
    if (report.sent.length + report.failed.length + report.uncertain.length > 0 || report.unreachable.length > 0) {
      log.info({ ...report, sent: report.sent.length }, 'reminder run');
    }
    return report;
  }

  /**
   * Claims, sends and confirms each reminder, `concurrency` at a time (the notifier's limiter decides
   * when each goes out). A store error — or the process dying — stops the run: what was claimed and
   * not confirmed stays claimed and is never sent again blindly; the next run or instance carries on.
   */
  async dispatch(reminders: readonly PlannedReminder[], report: RunReport = emptyReport(this.options.clock.now()), dataAgeMs = 0): Promise<RunReport> {
    let aborted: unknown = null;
    const queue = [...reminders];
    const worker = async () => {
      for (let r = queue.shift(); r && aborted === null; r = queue.shift()) {
        try {
          await this.deliver(r, report, dataAgeMs);
        } catch (error) {
          aborted ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 16) }, worker));
    if (aborted !== null) throw aborted;
    return report;
  }

  private async deliver(r: PlannedReminder, report: RunReport, dataAgeMs: number): Promise<void> {
    const { store, notifier, clock, render, log } = this.options;
    if (!(await store.claimReminder(r.key, this.owner, clock.now().toISOString()))) {
      report.alreadyHandled++;
      return;
    }
    const reference = await store.getConversationReference(r.key.personId);
    try {
      await notifier.send({ id: r.id, personId: r.key.personId, reference, card: render(r, { dataAgeMs }) });
    } catch (error) {
      const failure = toSendError(error);
      if (failure.notDelivered) {
        await store.markReminderFailed(r.id, this.owner, clock.now().toISOString(), failure.message);
        report.failed.push(r.id);
      } else {
        log.warn({ err: failure, key: r.id }, 'reminder may or may not have been delivered; left for the administrator');
        report.uncertain.push(r.id);
      }
      return;
    }
    await store.markReminderSent(r.id, this.owner, clock.now().toISOString());
    report.sent.push(r.id);
  }

  private async askInstallation(personIds: string[], today: string): Promise<void> {
    const installer = this.options.installer;
    if (!installer) return;
    for (const id of personIds) {
      if (this.installAsked.get(id) === today) continue;
      this.installAsked.set(id, today);
      const person: Person | null = await this.options.store.getPerson(id);
      if (!person) continue;
      try {
        await installer.install(person);
      } catch (error) {
        this.options.log.warn({ err: error, personId: id }, 'could not install the app for a person');
      }
    }
  }
}
