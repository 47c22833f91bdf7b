/** What a resident in an emergency should do now, by kind: told at once, and again if nobody could be alerted. */
import type { Lang, OfficePolicy } from '../../src/config/office';
import type { EmergencyType } from '../../src/tickets/types';
import type { Texts } from '../texts';

function adviceFor(what: EmergencyType, t: (key: string) => string): string {
  switch (what) {
    case 'fire':
      return t('emergency-advice-fire');
    case 'flood':
      return t('emergency-advice-flood');
    case 'gas':
      return t('emergency-advice-gas');
    case 'lift':
      return t('emergency-advice-lift');
    case 'medical':
      return t('emergency-advice-medical');
    case 'crime':
      return t('emergency-advice-crime');
    default:
      return t('emergency-advice-other');
  }
}

/**
 * What to do now: the advice for this kind of emergency (which public number to call first),
 * all three public numbers, and the office's duty phone when one is configured.
 */
export function emergencyGuidance(what: EmergencyType, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const t = (key: string, args?: Record<string, string>) => texts.t(lang, key, args);
  const lines = [t('emergency-now'), adviceFor(what, t), t('emergency-numbers')];
  if (policy.dutyPhone.trim()) lines.push(t('emergency-duty-phone', { phone: policy.dutyPhone.trim() }));
  return lines.join('\n');
}
