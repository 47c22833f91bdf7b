/**
 * The time-limit jobs' lines for the office's record (the event's text, shown in a ticket's
 * history to staff): who was reminded or alerted, and why the scheduler released a ticket.
 * Who hears of an alert, and what they read, is decided in src/reactions and worded in
 * bot/delivery when it is sent.
 */
import type { LimitRecords } from '../../src/limits/jobs';
import { LIMIT_LEVELS } from '../../src/reactions/consequences';
import type { TimeLimitSettings } from '../../src/limits/settings';
import { formatDuration } from '../../src/time/duration';
import type { AppServices } from '../context';
import { when } from '../render/format';
import { limitName, staffNames } from './render';

export function limitRecords(services: AppServices, settings: TimeLimitSettings): LimitRecords {
  const { policy, texts, clock } = services;
  const lang = policy.language;
  const plain = (key: string, args?: Record<string, string | number>) => texts.plain(lang, key, args);

  return {
    async describe(ticket, due) {
      const limit = limitName(texts, lang, due.limit);
      const dueText = when(due.due, policy, lang);
      const people = LIMIT_LEVELS[due.level].audience(ticket, policy).flatMap((r) => (r.to.kind === 'person' ? [r.to.id] : []));
      const known = await staffNames(services, ticket, people);
      const nameOf = (id: number) => (id === ticket.owner?.id ? ticket.owner.name : known.get(id));
      const names = people.map((id) => nameOf(id) ?? plain(policy.managers.includes(id) ? 'history-role-manager' : 'lim-heads-none'));
      const who = names.length > 0 ? names.join('、') : plain('lim-record-group');
      switch (due.level) {
        case 'remind':
          return plain('lim-record-remind', { limit, due: dueText, who });
        case 'head':
          return plain('lim-record-head', { limit, due: dueText, who });
        case 'manager':
          return plain('lim-record-manager', { limit, due: dueText, late: formatDuration(clock.now().getTime() - due.due.getTime(), lang), who });
      }
    },

    releaseReason() {
      return plain('lim-release-reason', { idle: formatDuration(settings.noProgressRelease, lang) });
    },
  };
}
