/**
 * Emergencies (issue 4, item 4): one tap for what, one answer for where, the ticket at once;
 * every staff group, every head and the manager get the card with the phone and the place;
 * the resident learns what to do now; the first claim shows on every copy of the card.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { callbackAnswers, sendCallback } from '../support/flows';
import { cardCopies, fileEmergency, more, multiGroupPolicy, register, seatStaff, SECURITY_CHAT, SERVICE_CHAT } from '../support/emergencyFlows';

const { alice, bob, head, manager, mallory } = people;
const { guard, clerk, securityHead, cleaningHead, carol } = more;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: multiGroupPolicy() });
  seatStaff(h);
});
afterEach(async () => {
  await h.close();
});

/** Every card message sent for this ticket, wherever it went (failed deliveries excluded). */
function cardsSent(ref: string) {
  return h.fake.callsOf('sendMessage').filter((c) => !c.error && String(c.params.text).includes(ref) && String(c.params.text).includes('🚨🚨'));
}

test('a fire at home reaches every staff group, every head and the manager, with the phone and the place', async () => {
  await register(h, alice);
  const ref = await fileEmergency(h, alice, { what: 'fire', where: 'home' });
  expect(ref).toMatch(/^JJ-20261123-\d{3}$/);

  // Security (where emergencies go) first, then the other groups, then heads and manager privately.
  // The cleaning head never started the bot: the others are still alerted.
  const copies = await cardCopies(h, ref);
  expect(copies.map((c) => c.chatId)).toEqual([SECURITY_CHAT, STAFF_CHAT, SERVICE_CHAT, head.id, securityHead.id, manager.id]);
  expect(cardsSent(ref)).toHaveLength(6);
  expect(h.fake.callsTo(cleaningHead.id).filter((c) => c.method === 'sendMessage' && !c.error)).toHaveLength(0);
  for (const copy of copies) {
    expect(copy.text).toContain('🚨🚨');
    expect(copy.text).toContain('火情');
    expect(copy.text).toContain('+8613812345678');
    expect(copy.text).toContain('📍 地点：3栋2单元1201');
    expect(copy.text).toContain('爱丽丝');
    expect(copy.buttons).toEqual([`tk:claim:${ref}`]);
  }

  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({
    kind: 'emergency',
    priority: 'urgent',
    department: 'security',
    status: 'open',
    emergency: { what: 'fire' },
    report: { location: '3栋2单元1201', atHome: true },
    resident: { name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201' },
  });

  // Told at once: alerted, call 119 first, all three numbers, the duty phone.
  const told = h.fake.lastTextTo(alice.id)!;
  expect(told).toContain(`紧急求助 ${ref} 已通知物业所有值班人员`);
  expect(told).toContain('立即拨打 119');
  for (const number of ['119', '120', '110', '0755-88886666']) expect(told).toContain(number);
});

test('the first claim shows on every copy; a second claim from another group is told who has it', async () => {
  await register(h, alice);
  const ref = await fileEmergency(h, alice, { what: 'gas', where: '5栋地下车库B区' });

  // Any staff member of any group may claim: here the customer service clerk, not security.
  await h.press(clerk, SERVICE_CHAT, `tk:claim:${ref}`);
  expect((await h.services.tickets.get(ref))!.owner).toEqual({ id: clerk.id, name: clerk.first_name });
  const copies = await cardCopies(h, ref);
  expect(copies).toHaveLength(6);
  for (const copy of copies) {
    expect(copy.text).toContain(`已接单：${clerk.first_name}`);
    expect(copy.text).toContain('5栋地下车库B区');
    expect(copy.buttons).not.toContain(`tk:claim:${ref}`);
    expect(copy.buttons).toContain(`tk:arr:${ref}`);
  }
  expect(h.fake.lastTextTo(alice.id)).toContain(`${clerk.first_name} 已接手紧急求助 ${ref}`);

  // The guard's client still shows the old card in the security group; the manager taps his private copy.
  const securityCard = copies.find((c) => c.chatId === SECURITY_CHAT)!;
  const securityMessage = (await h.services.tickets.cards(ref)).find((c) => c.chatId === SECURITY_CHAT)!.messageId;
  expect(securityCard.buttons).not.toContain(`tk:claim:${ref}`);
  const before = callbackAnswers(h).length;
  await sendCallback(h, guard, SECURITY_CHAT, `tk:claim:${ref}`, securityMessage);
  await sendCallback(h, manager, manager.id, `tk:claim:${ref}`, (await h.services.tickets.cards(ref)).find((c) => c.chatId === manager.id)!.messageId);
  expect(callbackAnswers(h).slice(before)).toEqual([`工单 ${ref} 已由 ${clerk.first_name} 接单。`, `工单 ${ref} 已由 ${clerk.first_name} 接单。`]);
  expect((await h.services.tickets.history(ref)).map((e) => e.type)).toEqual(['created', 'claimed']);
  expect((await h.services.tickets.get(ref))!.owner!.id).toBe(clerk.id);

  // A non-staff user cannot claim it either.
  await sendCallback(h, mallory, SECURITY_CHAT, `tk:claim:${ref}`, securityMessage);
  expect(callbackAnswers(h).at(-1)).toBe('抱歉，只有物业员工可以进行此操作。');
  expect((await h.services.tickets.history(ref)).map((e) => e.type)).toEqual(['created', 'claimed']);
});

test('an unregistered resident reports an emergency in two taps and a shared phone, without registering', async () => {
  const updatesBefore = h.u.nextUpdateId();
  const ref = await fileEmergency(h, carol, { what: 'medical', where: 'skip', phone: 'contact' });
  // /emergency, two taps, the contact: four updates, the ticket exists after the last one.
  expect(h.u.nextUpdateId() - updatesBefore).toBe(5);
  const asked = h.fake.textsTo(carol.id).join('\n');
  expect(asked).not.toMatch(/name|first time/i);
  expect(asked).toContain('leave a phone number');

  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.resident).toMatchObject({ telegramId: carol.id, name: 'Carol', phone: '+8613900001111', building: '', room: '' });
  // The staff read the place in the office's language.
  expect(ticket.report).toMatchObject({ location: '住户未说明位置', atHome: false });
  expect((await h.services.residents.get(carol.id))?.registered ?? false).toBe(false);
  for (const copy of await cardCopies(h, ref)) {
    expect(copy.text).toContain('+8613900001111');
    expect(copy.text).toContain('Carol');
    expect(copy.text).toContain('急病 / 受伤');
  }

  // In her language: call 120 first, all three numbers, the duty phone; the menu is back.
  const told = h.fake.lastTextTo(carol.id)!;
  expect(told).toContain(`Emergency ${ref}: everyone on duty`);
  expect(told).toContain('Call 120 now');
  for (const number of ['119', '120', '110', '0755-88886666']) expect(told).toContain(number);
  const last = h.fake.callsTo(carol.id).filter((c) => c.method === 'sendMessage').at(-1)!;
  expect(JSON.stringify(last.params.reply_markup)).toContain('🚨 Emergency');
});

test('no phone given still raises the alarm; a typed place that reads as a flat shows on the card', async () => {
  const ref = await fileEmergency(h, bob, { what: 'crime', where: '5栋1单元502', phone: 'refuse' });
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.resident).toMatchObject({ name: 'Bob', phone: '', building: '5', unit: '1', room: '502' });
  expect(ticket.report.location).toBe('5栋1单元502');
  const copies = await cardCopies(h, ref);
  expect(copies).toHaveLength(6);
  for (const copy of copies) expect(copy.text).toContain('📍 地点：5栋1单元502');
  const told = h.fake.lastTextTo(bob.id)!;
  expect(told).toContain('Call 110 now');
  expect(told).toContain('0755-88886666');
});

test('a shared location is the place; a typed phone that is not a number is asked again, a rough one is kept', async () => {
  await h.send(h.u.command(bob, 'emergency'));
  await h.press(bob, bob.id, 'sc:flood');
  await h.send(h.u.sticker(bob));
  expect(h.fake.lastTextTo(bob.id)).toContain('Please type the place or send your location');
  await h.send(h.u.location(bob, 22.5431234, 114.0579876));
  await h.say(bob, 'call me');
  expect(h.fake.lastTextTo(bob.id)).toContain('could not be read');
  expect(await h.services.tickets.listForResident(bob.id)).toHaveLength(0);
  await h.say(bob, '+1 (415) 555');
  const [ticket] = await h.services.tickets.listForResident(bob.id);
  expect(ticket.resident.phone).toBe('+1 (415) 555');
  expect(ticket.emergency).toEqual({ what: 'flood' });
  expect(ticket.report).toMatchObject({ location: '定位 22.54312, 114.05799', atHome: false });
  for (const copy of await cardCopies(h, ticket.ref)) expect(copy.text).toContain('定位 22.54312, 114.05799');
});

test('an emergency pressed in the middle of a repair leaves the repair and starts the emergency', async () => {
  await register(h, alice);
  await h.send(h.u.command(alice, 'repair'));
  await h.press(alice, alice.id, 'sc:household');
  expect(h.fake.lastTextTo(alice.id)).toContain('具体类别');

  await h.say(alice, '🚨 紧急');
  expect(h.fake.lastTextTo(alice.id)).toContain('发生了什么');
  await h.press(alice, alice.id, 'sc:lift');
  await h.press(alice, alice.id, 'sc:home');
  const tickets = await h.services.tickets.listForResident(alice.id);
  expect(tickets.map((t) => t.kind)).toEqual(['emergency']);
  expect(tickets[0].emergency).toEqual({ what: 'lift' });
  expect(h.fake.lastTextTo(alice.id)).toContain('不要强行扒门');

  // The repair is gone, not waiting underneath: a text now gets the menu hint.
  await h.say(alice, '厨房下水道堵了');
  expect(h.fake.lastTextTo(alice.id)).toContain('请从下方菜单选择');

  // /emergency works the same from inside another scene (here the inquiry); with the lift
  // emergency still open from moments ago, it first asks whether this is a new one.
  await h.send(h.u.command(alice, 'ask'));
  await h.send(h.u.command(alice, 'emergency'));
  expect(h.fake.lastTextTo(alice.id)).toContain('这次是新的紧急情况吗');
  await h.send(h.u.command(alice, 'cancel'));
  expect((await h.services.tickets.listForResident(alice.id)).map((t) => t.kind)).toEqual(['emergency']);
});

test('one broken group does not keep the others from hearing of an emergency', async () => {
  // The bot was removed from the security group: that card fails, the others still go out.
  h.fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' }, (p) => p.chat_id === SECURITY_CHAT);
  await register(h, alice);
  await h.send(h.u.command(alice, 'emergency'));
  await h.press(alice, alice.id, 'sc:fire');
  await h.press(alice, alice.id, 'sc:home');
  const [ticket] = await h.services.tickets.listForResident(alice.id);
  const cards = await h.services.tickets.cards(ticket.ref);
  expect(cards.length).toBeGreaterThan(0);
  expect(cards.map((c) => c.chatId)).not.toContain(SECURITY_CHAT);
  expect(h.fake.lastTextTo(alice.id)).toContain('已通知物业所有值班人员');
});

test("the resident in trouble reads what to do before any alert goes out, and every alert goes out together", async () => {
  await register(h, alice);
  const ref = await fileEmergency(h, alice, { what: 'lift', where: 'home' });
  const sends = h.fake.callsOf('sendMessage').filter((c) => !c.error);
  const guidance = sends.findIndex((c) => c.params.chat_id === alice.id && String(c.params.text).includes(ref));
  const alerts = sends.map((c, i) => ({ c, i })).filter(({ c }) => String(c.params.text).includes(ref) && String(c.params.text).includes('🚨🚨'));
  expect(guidance).toBeGreaterThanOrEqual(0);
  expect(alerts.length).toBe(6);
  expect(alerts.every(({ i }) => i > guidance)).toBe(true);
  // The copies are recorded in the order of the targets, the department's main card first.
  expect((await h.services.tickets.cards(ref)).map((c) => c.chatId)).toEqual([SECURITY_CHAT, STAFF_CHAT, SERVICE_CHAT, head.id, securityHead.id, manager.id]);
});

test('when no one at all can be alerted, the resident is told to phone directly, with the numbers', async () => {
  h.fake.on('sendMessage', (p) => (p.chat_id !== alice.id ? { error: { error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' } } : undefined));
  await register(h, alice);
  await h.send(h.u.command(alice, 'emergency'));
  await h.press(alice, alice.id, 'sc:fire');
  await h.press(alice, alice.id, 'sc:home');
  h.fake.off('sendMessage');
  const told = h.fake.lastTextTo(alice.id)!;
  expect(told).toContain('系统暂时没能通知到物业');
  expect(told).not.toContain('已通知物业所有值班人员');
  expect(told).toContain('立即拨打 119');
  expect(told).toContain('0755-88886666');
  // The report itself is kept: the office's record shows it.
  expect((await h.services.tickets.listForResident(alice.id)).map((t) => t.kind)).toEqual(['emergency']);
});
