/** A polite sentence for every refusal of the domain core. */
import type { Lang, OfficePolicy } from '../src/config/office';
import { formatDateTime } from '../src/time/zoned';
import type { Refusal } from '../src/tickets/rules';
import type { Texts } from './texts';

const when = (d: Date, policy: OfficePolicy | undefined, lang: Lang) => formatDateTime(new Date(d), policy?.timezone ?? 'Asia/Shanghai', lang);

export function refusalText(refusal: Refusal, ref: string, texts: Texts, lang: Lang, policy?: OfficePolicy): string {
  switch (refusal.reason) {
    case 'already_claimed':
      return texts.t(lang, 'refuse-already-claimed', { ref, owner: refusal.owner.name });
    case 'not_owner':
      return texts.t(lang, 'refuse-not-owner', { ref, owner: refusal.owner?.name ?? '—' });
    case 'too_soon':
      return texts.t(lang, 'refuse-too-soon', { ref, next: when(refusal.next, policy, lang) });
    case 'wrong_state':
      return texts.t(lang, 'refuse-wrong-state', { ref, status: texts.t(lang, `status-${refusal.status}`) });
    default:
      return texts.t(lang, `refuse-${refusal.reason.replace(/_/g, '-')}`, { ref });
  }
}
