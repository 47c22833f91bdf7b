/** A normalised phone number, or failure. mobile: '+8613812345678'; landline: '+86-755-12345678[-801]'. */
export type PhoneResult =
  | { ok: true; phone: string; kind: 'mobile' | 'landline' | 'foreign' }
  | { ok: false };

const FAIL: PhoneResult = { ok: false };
const MOBILE = /^1[3-9]\d{9}$/;
// Two-digit area codes are 10 (Beijing) and 2x (big cities); all others have three digits.
const LANDLINE = /^0(10|2\d|[3-9]\d\d)(\d{7,8})$/;
const EXTENSION = /(?:转|分机|ext\.?|x)\s*(\d{1,6})$/i;
const TRAILING_GROUP = /^(.*\d)\s*-\s*(\d{1,6})$/;

/** Digits of a Chinese national number (mobile, or landline with its leading 0), or null. */
function toNational(cleaned: string, fromContact: boolean): { national: string } | { foreign: string } | null {
  const hasPlus = cleaned.startsWith('+');
  let digits = cleaned.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return null;
  let international = hasPlus;
  if (!hasPlus && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  } else if (!hasPlus && !digits.startsWith('0') && (fromContact || (digits.startsWith('86') && digits.length >= 11))) {
    // Telegram contacts carry international numbers without the '+' (a US '14155551234'
    // would otherwise pass for a Chinese mobile). Typed national numbers start with 0 or
    // 1, so a typed leading 86 can only be the country code.
    international = true;
  }
  if (international) {
    if (digits.startsWith('86')) {
      const rest = digits.slice(2).replace(/^0/, '');
      return { national: MOBILE.test(rest) ? rest : `0${rest}` };
    }
    return fromContact ? { foreign: digits } : null;
  }
  return MOBILE.test(digits) || digits.startsWith('0') ? { national: digits } : null;
}

function classify(cleaned: string, extension: string | undefined, fromContact: boolean): PhoneResult {
  const n = toNational(cleaned, fromContact);
  if (!n) return FAIL;
  if ('foreign' in n) {
    if (extension || n.foreign.length < 8 || n.foreign.length > 15 || n.foreign.startsWith('0')) return FAIL;
    return { ok: true, phone: `+${n.foreign}`, kind: 'foreign' };
  }
  if (MOBILE.test(n.national)) return extension ? FAIL : { ok: true, phone: `+86${n.national}`, kind: 'mobile' };
  const m = LANDLINE.exec(n.national);
  if (!m) return FAIL;
  return { ok: true, phone: `+86-${m[1]}-${m[2]}${extension ? `-${extension}` : ''}`, kind: 'landline' };
}

/**
 * Normalises a phone number typed by a resident (or shared as a Telegram contact).
 * Accepts Chinese mobiles and landlines with optional +86/86/0086, spaces, dashes, dots,
 * parentheses and full-width characters; landline extensions ('-801', '转801') are kept.
 * Numbers of other countries are accepted only from a shared contact.
 */
export function normalizePhone(input: string, opts?: { fromContact?: boolean }): PhoneResult {
  if (typeof input !== 'string' || input.length > 40) return FAIL;
  const fromContact = opts?.fromContact ?? false;
  // NFKC turns full-width digits, '＋', '（）' and '－' into their ASCII forms.
  let text = input.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[()]/g, ' ').trim();
  let extension: string | undefined;
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1];
    text = text.slice(0, ext.index).replace(/[\s,;-]+$/, '');
  }
  if (!/^\+?[\d\s.-]+$/.test(text)) return FAIL;
  const whole = classify(text, extension, fromContact);
  if (whole.ok || extension) return whole;
  const group = TRAILING_GROUP.exec(text);
  if (group) {
    const withExt = classify(group[1], group[2], fromContact);
    if (withExt.ok && withExt.kind === 'landline') return withExt;
  }
  return FAIL;
}

/** Hides the middle of a number for display to staff: '+86 138****5678', '+86-755-****5678'. */
export function maskPhone(phone: string): string {
  const mobile = /^\+86(1\d\d)\d{4}(\d{4})$/.exec(phone);
  if (mobile) return `+86 ${mobile[1]}****${mobile[2]}`;
  const landline = /^\+86-(\d+)-\d*(\d{4})(?:-\d+)?$/.exec(phone);
  if (landline) return `+86-${landline[1]}-****${landline[2]}`;
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  const head = digits.length > 8 ? digits.slice(0, 3) : '';
  return `${phone.startsWith('+') ? '+' : ''}${head}****${digits.slice(-4)}`;
}
