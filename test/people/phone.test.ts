import { maskPhone, normalizePhone } from '../../src/people/phone';

describe('normalizePhone: Chinese mobiles', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '138.1234.5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '86 13812345678',
    '0086-138-1234-5678',
    '(+86) 138 1234 5678',
    '１３８１２３４５６７８',
    '＋８６ １３８－１２３４－５６７８',
  ])('%p → +8613812345678', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone: '+8613812345678', kind: 'mobile' });
  });

  it('accepts every 13x-19x prefix', () => {
    expect(normalizePhone('19912345678')).toEqual({ ok: true, phone: '+8619912345678', kind: 'mobile' });
    expect(normalizePhone('15000000000')).toEqual({ ok: true, phone: '+8615000000000', kind: 'mobile' });
  });
});

describe('normalizePhone: landlines', () => {
  it.each([
    ['0755-12345678', '+86-755-12345678'],
    ['075512345678', '+86-755-12345678'],
    ['(0755)12345678', '+86-755-12345678'],
    ['（0755）1234 5678', '+86-755-12345678'],
    ['+86 755 1234 5678', '+86-755-12345678'],
    ['0086 755 12345678', '+86-755-12345678'],
    ['010 1234 5678', '+86-10-12345678'],
    ['010-12345678', '+86-10-12345678'],
    ['+86 10 12345678', '+86-10-12345678'],
    ['021-6234-5678', '+86-21-62345678'],
    ['0571-8765432', '+86-571-8765432'],
    ['0755-12345678-801', '+86-755-12345678-801'],
    ['0755-12345678转801', '+86-755-12345678-801'],
    ['0755 12345678 ext. 801', '+86-755-12345678-801'],
  ])('%p → %p', (input, phone) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone, kind: 'landline' });
  });
});

describe('normalizePhone: shared Telegram contacts', () => {
  it('reads Chinese numbers with or without +', () => {
    expect(normalizePhone('8613812345678', { fromContact: true })).toEqual({ ok: true, phone: '+8613812345678', kind: 'mobile' });
    expect(normalizePhone('+8613812345678', { fromContact: true })).toEqual({ ok: true, phone: '+8613812345678', kind: 'mobile' });
  });

  it('accepts other countries as foreign numbers', () => {
    expect(normalizePhone('14155552671', { fromContact: true })).toEqual({ ok: true, phone: '+14155552671', kind: 'foreign' });
    expect(normalizePhone('+44 20 7946 0958', { fromContact: true })).toEqual({ ok: true, phone: '+442079460958', kind: 'foreign' });
    expect(normalizePhone('85291234567', { fromContact: true })).toEqual({ ok: true, phone: '+85291234567', kind: 'foreign' });
  });

  it('does not accept typed foreign numbers', () => {
    expect(normalizePhone('+44 20 7946 0958')).toEqual({ ok: false });
    expect(normalizePhone('+1 415 555 2671')).toEqual({ ok: false });
  });

  it('still rejects junk from a contact', () => {
    expect(normalizePhone('12345', { fromContact: true })).toEqual({ ok: false });
    expect(normalizePhone('1234567890123456', { fromContact: true })).toEqual({ ok: false });
    expect(normalizePhone('abc', { fromContact: true })).toEqual({ ok: false });
  });
});

describe('normalizePhone: rejects', () => {
  it.each([
    '',
    'abc',
    '138abcd5678',
    '$gt',
    '{"$gt": ""}',
    '12812345678', // no 12x mobiles
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '23812345678',
    '0755-123456', // 6-digit subscriber number
    '0755-123456789', // 9-digit subscriber number
    '138-1234-5678转801', // mobiles have no extension
    '+8613812345678x',
    '13812345678; DROP TABLE',
    '138+12345678',
    '1'.repeat(60),
  ])('%p', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: false });
  });

  it('rejects non-strings', () => {
    expect(normalizePhone({ $gt: '' } as unknown as string)).toEqual({ ok: false });
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613812345678', '+86 138****5678'],
    ['+86-755-12345678', '+86-755-****5678'],
    ['+86-755-12345678-801', '+86-755-****5678'],
    ['+86-10-1234567', '+86-10-****4567'],
    ['+14155552671', '+141****2671'],
  ])('%p → %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
