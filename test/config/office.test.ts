import { ConfigError } from '../../src/config/errors';
import {
  defaultOfficePolicy,
  departmentById,
  findCategory,
  isHead,
  isManager,
  parseOfficePolicy,
} from '../../src/config/office';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const STAFF = -1001234567890;
const ctx = { staffChatId: STAFF, timezone: 'Asia/Shanghai', source: 'office policy file config/office.yaml' };

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('defaultOfficePolicy', () => {
  const p = defaultOfficePolicy({ staffChatId: STAFF, timezone: 'Asia/Shanghai' });

  it('has the four SPEC departments, all posting to STAFF_CHAT_ID', () => {
    expect(p.departments.map((d) => [d.id, d.name['zh-CN'], d.chat, d.heads])).toEqual([
      ['engineering', '工程维修部', { chatId: STAFF }, []],
      ['cleaning', '保洁绿化部', { chatId: STAFF }, []],
      ['security', '安全保卫部', { chatId: STAFF }, []],
      ['service', '客户服务中心', { chatId: STAFF }, []],
    ]);
  });

  it('has the SPEC response limits', () => {
    expect(p.response).toEqual({
      dispatch: 5 * MIN,
      complaintDispatch: 20 * MIN,
      validComplaintToHead: HOUR,
      onSiteAfterClaim: 15 * MIN,
      paidQuote: 20 * MIN,
      emergencyOnSite: 5 * MIN,
    });
  });

  it('has the SPEC complaint and task limits', () => {
    expect(p.complaintResolution).toEqual({
      valid: 2 * DAY, help: 3 * DAY, inquiry: 3 * DAY, venting: 3 * DAY, majorFirstAnswer: 2 * DAY, major: 10 * DAY,
    });
    expect(p.internalTask).toBe(DAY);
  });

  it('has the SPEC repair categories and resolution days', () => {
    expect(p.repairKinds.map((k) => [k.id, k.categories.length])).toEqual([
      ['household', 6], ['public', 9], ['defect', 7], ['equipment', 7],
    ]);
    expect(findCategory(p, 'defect', 'waterproof')).toMatchObject({ department: 'engineering', resolution: 20 * DAY });
    expect(findCategory(p, 'defect', 'civil')?.resolution).toBe(10 * DAY);
    expect(findCategory(p, 'equipment', 'lift')?.resolution).toBe(3 * DAY);
    expect(findCategory(p, 'equipment', 'smart')?.resolution).toBe(7 * DAY);
    expect(findCategory(p, 'public', 'inspect')?.resolution).toBe(2 * DAY);
    expect(findCategory(p, 'public', 'parking')).toMatchObject({ department: 'security', resolution: DAY });
    expect(findCategory(p, 'public', 'landscape')?.department).toBe('cleaning');
    expect(findCategory(p, 'household', 'housekeeping')).toMatchObject({ department: 'cleaning', resolution: DAY });
  });

  it('has paid and free household categories', () => {
    expect(findCategory(p, 'household', 'unblock')?.price).toEqual({ amount: 80, unit: { 'zh-CN': '次', en: 'visit' } });
    expect(findCategory(p, 'household', 'replace')?.price?.note).toEqual({ 'zh-CN': '材料费另计', en: 'parts extra' });
    expect(findCategory(p, 'household', 'housekeeping')?.price?.amount).toBe(60);
    expect(findCategory(p, 'household', 'inspect')?.price).toBeUndefined();
  });

  it('has the SPEC hours and the other defaults', () => {
    expect(p.frontDesk).toEqual({ start: '08:00', end: '20:00' });
    expect(p.visits).toEqual({ start: '08:00', end: '18:00', slotLength: 2 * HOUR, slotsOffered: 6, minLead: HOUR });
    expect(p.confirmation.autoConfirmAfter).toBe(3 * DAY);
    expect(p.limits).toEqual({ maxTextLength: 1000, maxMedia: 10 });
    expect(p).toMatchObject({ language: 'zh-CN', timezone: 'Asia/Shanghai', dutyPhone: '', managers: [], contactOnCard: false });
  });

  it('returns independent copies', () => {
    const a = defaultOfficePolicy({ staffChatId: STAFF, timezone: 'Asia/Shanghai' });
    a.repairKinds[0].categories[0].price!.amount = 1;
    a.name['zh-CN'] = 'changed';
    const b = defaultOfficePolicy({ staffChatId: STAFF, timezone: 'Asia/Shanghai' });
    expect(b.repairKinds[0].categories[0].price!.amount).toBe(80);
    expect(b.name['zh-CN']).toBe('物业管理处');
  });

  it('needs STAFF_CHAT_ID when no department has a chat', () => {
    const e = errorOf(() => defaultOfficePolicy({ timezone: 'Asia/Shanghai' }));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^STAFF_CHAT_ID: not set, so departments engineering, cleaning, security, service have no chat/);
    expect(e.problems[0]).toContain('departments[].chat.chatId');
    expect(e.problems[0]).toContain('-1001234567890');
  });
});

describe('parseOfficePolicy', () => {
  it('takes the time zone from the context, not the file', () => {
    expect(parseOfficePolicy({}, { ...ctx, timezone: 'America/New_York' }).timezone).toBe('America/New_York');
  });

  it('overrides single limits and keeps the other defaults', () => {
    const p = parseOfficePolicy(
      { response: { dispatch: '10m' }, complaintResolution: { major: '2w' }, visits: { slotLength: '1h30m' }, frontDesk: { end: '21:00' }, language: 'en' },
      ctx,
    );
    expect(p.response.dispatch).toBe(10 * MIN);
    expect(p.response.paidQuote).toBe(20 * MIN);
    expect(p.complaintResolution.major).toBe(14 * DAY);
    expect(p.complaintResolution.valid).toBe(2 * DAY);
    expect(p.visits).toMatchObject({ start: '08:00', slotLength: 90 * MIN });
    expect(p.frontDesk).toEqual({ start: '08:00', end: '21:00' });
    expect(p.language).toBe('en');
  });

  it('uses the file departments, with chats, topics and heads', () => {
    const p = parseOfficePolicy(
      {
        managers: [1001],
        departments: [
          { id: 'engineering', chat: { chatId: -100111, threadId: 7 }, heads: [2001] },
          { id: 'cleaning' },
          { id: 'security', name: '保安部', heads: [2002] },
          { id: 'service', name: { 'zh-CN': '客服中心', en: 'Service desk' } },
        ],
      },
      ctx,
    );
    expect(departmentById(p, 'engineering')).toEqual({
      id: 'engineering', name: { 'zh-CN': '工程维修部', en: 'Engineering & Repairs' }, chat: { chatId: -100111, threadId: 7 }, heads: [2001],
    });
    expect(departmentById(p, 'cleaning')?.chat).toEqual({ chatId: STAFF });
    expect(departmentById(p, 'security')?.name).toEqual({ 'zh-CN': '保安部', en: '保安部' });
    expect(departmentById(p, 'service')?.name.en).toBe('Service desk');
    expect(departmentById(p, 'nope')).toBeUndefined();
    expect(isHead(p, 2001)).toBe(true);
    expect(isHead(p, 2001, 'engineering')).toBe(true);
    expect(isHead(p, 2001, 'security')).toBe(false);
    expect(isHead(p, 1001)).toBe(false);
    expect(isManager(p, 1001)).toBe(true);
    expect(isManager(p, 2001)).toBe(false);
  });

  it('replaces the repair kinds when the file gives them', () => {
    const p = parseOfficePolicy(
      {
        repairKinds: [
          {
            id: 'household',
            categories: [
              { id: 'unblock', department: 'engineering', resolution: '12h', price: { amount: 100, unit: '次' } },
              { id: 'aircon', name: { 'zh-CN': '空调清洗', en: 'A/C cleaning' }, department: 'engineering', resolution: '2d' },
            ],
          },
        ],
      },
      ctx,
    );
    expect(p.repairKinds).toHaveLength(1);
    expect(p.repairKinds[0].name['zh-CN']).toBe('住户报修');
    expect(findCategory(p, 'household', 'unblock')).toEqual({
      id: 'unblock', name: { 'zh-CN': '疏通', en: 'Unblocking' }, department: 'engineering', resolution: 12 * HOUR,
      price: { amount: 100, unit: { 'zh-CN': '次', en: '次' } },
    });
    expect(findCategory(p, 'household', 'aircon')?.resolution).toBe(2 * DAY);
    expect(findCategory(p, 'household', 'replace')).toBeUndefined();
    expect(findCategory(p, 'public', 'inspect')).toBeUndefined();
  });

  it('names a department without chat when STAFF_CHAT_ID is not set', () => {
    const e = errorOf(() =>
      parseOfficePolicy(
        { departments: [{ id: 'engineering', chat: { chatId: -100111 } }, { id: 'cleaning' }, { id: 'security', chat: { chatId: -100222 } }, { id: 'service', chat: { chatId: -100333 } }] },
        { ...ctx, staffChatId: undefined },
      ),
    );
    expect(e.source).toBe('office policy file config/office.yaml');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^departments\[1\]\.chat\.chatId: department "cleaning" has no chat/);
    expect(e.problems[0]).toContain('STAFF_CHAT_ID');
    expect(e.problems[0]).toContain('example: -1001234567890');
  });

  it('rejects a category whose department does not exist', () => {
    const e = errorOf(() =>
      parseOfficePolicy({ repairKinds: [{ id: 'public', categories: [{ id: 'pool', name: '泳池', department: 'leisure', resolution: '1d' }] }] }, ctx),
    );
    expect(e.problems).toEqual([
      'repairKinds[0].categories[0].department: unknown department "leisure"; known: engineering, cleaning, security, service (example: engineering)',
    ]);
  });

  it('rejects default categories whose department the file dropped', () => {
    const e = errorOf(() => parseOfficePolicy({ departments: [{ id: 'engineering' }, { id: 'cleaning' }, { id: 'service' }] }, ctx));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^departments: .*"security"/);
  });

  it('rejects duplicate ids and nameless custom entries', () => {
    const e = errorOf(() =>
      parseOfficePolicy(
        {
          departments: [{ id: 'engineering' }, { id: 'engineering' }, { id: 'garage' }],
          repairKinds: [{ id: 'public', categories: [{ id: 'pool', department: 'engineering', resolution: '1d' }, { id: 'pool', name: 'x', department: 'engineering', resolution: '1d' }] }],
        },
        ctx,
      ),
    );
    expect(e.problems).toEqual([
      'departments[2].name: department "garage" is not a default one, so it needs a name (example: { zh-CN: 车管部, en: Parking Office })',
      'departments[1].id: "engineering" is used twice; department ids must be unique',
      'repairKinds[0].categories[0].name: category "pool" is not a default one, so it needs a name (example: { zh-CN: 门窗, en: Doors & windows })',
      'repairKinds[0].categories[1].id: "pool" is used twice in public',
    ]);
  });

  it('explains bad values with the key path and an example', () => {
    const e = errorOf(() =>
      parseOfficePolicy(
        {
          response: { dispatch: 5, paidQuote: '0m', quote: '5m' },
          managers: ['boss'],
          frontDesk: { start: '8am', end: '20:00' },
          visits: { start: '09:00', end: '09:00' },
          repairKinds: [{ id: 'household', categories: [{ id: 'unblock', department: 'engineering', resolution: '1d', price: { amount: -5, unit: '次' } }] }],
          language: 'fr',
        },
        ctx,
      ),
    );
    const byPath = Object.fromEntries(e.problems.map((p) => [p.slice(0, p.indexOf(': ')), p.slice(p.indexOf(': ') + 2)]));
    expect(byPath['response.dispatch']).toMatch(/duration text with a unit, e.g. "5m"/);
    expect(byPath['response.paidQuote']).toMatch(/longer than zero/);
    expect(byPath['response.quote']).toBe('unknown key (check the spelling)');
    expect(byPath['managers[0]']).toBe('must be a Telegram user id (a positive whole number) (example: 123456789)');
    expect(byPath['frontDesk.start']).toBe('must be a 24-hour time HH:MM (example: "08:00")');
    expect(byPath['visits.end']).toMatch(/start and end must differ/);
    expect(byPath['repairKinds[0].categories[0].price.amount']).toMatch(/>=0 \(example: 80\)$/);
    expect(byPath.language).toMatch(/zh-CN.*\(example: zh-CN\)$/);
    expect(Object.keys(byPath)).toHaveLength(8);
  });

  it('treats an empty file as all defaults', () => {
    expect(parseOfficePolicy(null, ctx)).toEqual(defaultOfficePolicy(ctx));
  });
});
