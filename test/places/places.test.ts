/**
 * The office's places and follower rules in the policy file, and the printable sheet of
 * scan-to-report codes: each place's deep link as a real QR code with its names under it.
 */
import QRCode from 'qrcode';
import { ConfigError } from '../../src/config/errors';
import { parseOfficePolicy } from '../../src/config/office';
import { followersPolicy, DEFAULT_FOLLOWERS } from '../../src/followers/config';
import { placeByCode } from '../../src/places/config';
import { botUsernameOf, placeLink, renderQrSheet } from '../../src/places/sheet';

const ctx = { staffChatId: -1001234567890, timezone: 'Asia/Shanghai', source: 'office policy file config/office.yaml' };

function problemsOf(raw: unknown): string[] {
  try {
    parseOfficePolicy(raw, ctx);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

test('places are read with their building, unit, names and category; a code finds its place', () => {
  const policy = parseOfficePolicy(
    {
      places: [
        { code: 'b3-lift', name: { 'zh-CN': '3栋2单元电梯', en: 'Building 3 Unit 2 lift' }, building: 3, unit: 2, category: 'equipment/lift' },
        { code: 'pump', name: '水泵房', building: '1' },
      ],
    },
    ctx,
  );
  expect(placeByCode(policy, 'b3-lift')).toEqual({ code: 'b3-lift', name: { 'zh-CN': '3栋2单元电梯', en: 'Building 3 Unit 2 lift' }, building: '3', unit: '2', category: { kind: 'equipment', id: 'lift' } });
  expect(placeByCode(policy, 'pump')?.name).toEqual({ 'zh-CN': '水泵房', en: '水泵房' });
  expect(placeByCode(policy, 'nowhere')).toBeUndefined();
  expect(placeByCode(parseOfficePolicy({}, ctx), 'b3-lift')).toBeUndefined();
});

test('bad places are named with the fix: unknown category, a taken or reused code, a code Telegram cannot carry', () => {
  const problems = problemsOf({
    places: [
      { code: 'b3-lift', name: 'A', building: '3', category: 'equipment/escalator' },
      { code: 'b3-lift', name: 'B', building: '3' },
    ],
  });
  expect(problems).toEqual(
    expect.arrayContaining([expect.stringContaining('places[0].category: the office has no repair category "equipment/escalator"'), expect.stringContaining('places[1].code: "b3-lift" is used twice')]),
  );
  expect(problemsOf({ places: [{ code: 'repair', name: 'A', building: '3' }] }).join('\n')).toContain('is already a command or link of the bot');
  expect(problemsOf({ places: [{ code: '3栋', name: 'A', building: '3' }] }).join('\n')).toContain('letters, digits, _ or -');
});

test('the follower rules default to the office procedures and take what the file sets', () => {
  expect(followersPolicy(parseOfficePolicy({}, ctx))).toEqual(DEFAULT_FOLLOWERS);
  const set = followersPolicy(parseOfficePolicy({ followers: { urgentAt: 10, estateWide: ['equipment/water'], noticeRoles: ['staff', 'manager'], noticeChat: { chatId: -100555 } } }, ctx));
  expect(set).toMatchObject({ urgentAt: 10, estateWide: ['equipment/water'], noticeRoles: ['staff', 'manager'], noticeChat: { chatId: -100555 }, offerKinds: ['public', 'equipment'] });
  expect(problemsOf({ followers: { estateWide: ['water'] } }).join('\n')).toContain('must name a repair category as kind/category');
});

test('the sheet has one QR code per place, encoding its deep link, with its names (escaped) under it', async () => {
  const policy = parseOfficePolicy(
    { places: [{ code: 'b3-lift', name: { 'zh-CN': '3栋电梯', en: 'Lift <B3> & co' }, building: '3', category: 'equipment/lift' }, { code: 'gym', name: '会所', building: '2' }] },
    ctx,
  );
  expect(botUsernameOf('@sunshine_help_bot')).toBe('sunshine_help_bot');
  expect(botUsernameOf('no spaces allowed')).toBeUndefined();
  const svgOf = (link: string) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const html = await renderQrSheet(policy, 'sunshine_help_bot', svgOf);
  expect(html.match(/<svg/g)).toHaveLength(2);
  expect(html).toContain(await svgOf('https://t.me/sunshine_help_bot?start=b3-lift'));
  expect(html).toContain(await svgOf(placeLink('sunshine_help_bot', { code: 'gym' })));
  expect(html).toContain('3栋电梯<br>Lift &lt;B3&gt; &amp; co');
  expect(html).toContain('<strong>会所</strong>');
  expect(html).not.toContain('<B3>');
});
