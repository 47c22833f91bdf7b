/** A polite sentence for every refusal of the domain core. */
import type { Lang } from '../src/config/office';
import type { Refusal } from '../src/tickets/rules';
import type { Texts } from './texts';

export function refusalText(refusal: Refusal, ref: string, texts: Texts, lang: Lang): string {
  switch (refusal.reason) {
    case 'already_claimed':
      return texts.t(lang, 'refuse-already-claimed', { ref, owner: refusal.owner.name });
    case 'not_owner':
      return texts.t(lang, 'refuse-not-owner', { ref, owner: refusal.owner?.name ?? '—' });
    case 'wrong_state':
      return texts.t(lang, 'refuse-wrong-state', { ref, status: texts.t(lang, `status-${refusal.status}`) });
    default:
      return texts.t(lang, `refuse-${refusal.reason.replace(/_/g, '-')}`, { ref });
  }
}
