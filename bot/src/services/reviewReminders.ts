import { reviewBotText, reviewDigest } from '@okr/core';
import type { ReminderSource } from '../jobs/reminderSources.js';

const t = reviewBotText.reminder;

/**
 * The ETI's daily digest of the reports ready for review, on the reminder machinery: the units whose
 * month became complete, or was corrected after a correction request, since each ETI member's last
 * digest (core's `reviewDigest`, on the planner's unit-month states and its reminder log).
 */
export const reviewReminderSource: ReminderSource = {
  kinds: [{ kind: 'review_digest', roles: ['eti'], label: t.label }],

  async due(_store, today, _settings, { statuses, etiIds, log }) {
    // When each ETI member last got it: the next one lists what became ready since.
    const lastSent = new Map<string, string>();
    for (const e of log) if (e.kind === 'review_digest' && e.sentAt && e.sentAt > (lastSent.get(e.personId) ?? '')) lastSent.set(e.personId, e.sentAt);
    return reviewDigest(today, statuses, etiIds, lastSent);
  },

  opening: (r) => t.opening(r.items.length),

  open: (_r, tabUrl) => ({ title: t.open, url: tabUrl(undefined, { view: 'revision' }) }),
};
