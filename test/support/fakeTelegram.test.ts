/**
 * Proves the fake Bot API server against a real grammY Bot: updates go in via
 * bot.handleUpdate, API calls go out over HTTP to the fake and are recorded.
 */
import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import { startFakeTelegram, type FakeTelegram } from './fakeTelegram';
import { parseTelegramHtml } from './telegramHtml';
import { UpdateFactory, user } from './updates';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('fake Telegram Bot API', () => {
  let fake: FakeTelegram;
  let bot: Bot;
  const updates = new UpdateFactory();
  const alice = user(501, 'Alice', { username: 'alice' });
  const GROUP = -100777;

  beforeAll(async () => {
    fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    bot = new Bot('123:TEST', { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    bot.command('start', (ctx) =>
      ctx.reply(`Hello, <b>${esc(ctx.from!.first_name)}</b>!`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Open ticket', 'ticket:open').url('Help', 'https://example.com/help'),
      }));
    // Deliberately unescaped user input: the fake must reject it like Telegram.
    bot.command('echo', (ctx) => ctx.reply(`You said: ${ctx.match}`, { parse_mode: 'HTML' }));
    bot.command('echosafe', (ctx) => ctx.reply(`You said: ${esc(ctx.match)}`, { parse_mode: 'HTML' }));
    bot.command('longdata', (ctx) => ctx.reply('pick', { reply_markup: new InlineKeyboard().text('x', 'd'.repeat(65)) }));
    bot.command('isadmin', async (ctx) => {
      const m = await ctx.api.getChatMember(GROUP, ctx.from!.id);
      await ctx.reply(`status: ${m.status}`);
    });
    bot.command('upload', (ctx) => ctx.replyWithPhoto(new InputFile(Buffer.from('img'), 'a.jpg'), { caption: 'Photo ✓' }));
    bot.callbackQuery(/^ticket:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'ok' });
      await ctx.editMessageText(`Ticket <i>${ctx.match[1]}</i>`, { parse_mode: 'HTML' });
    });
  });

  it('records a /start reply with Telegram-shaped results and stored messages', async () => {
    await bot.handleUpdate(updates.command(alice, 'start'));
    const [call] = fake.callsOf('sendMessage');
    expect(call.token).toBe('123:TEST');
    expect(call.params).toMatchObject({ chat_id: alice.id, parse_mode: 'HTML' });
    expect(call.result).toMatchObject({
      message_id: 1000, chat: { id: alice.id, type: 'private' }, from: { id: fake.botInfo.id, is_bot: true },
      text: 'Hello, Alice!', entities: [{ type: 'bold', offset: 7, length: 5 }],
    });
    expect(fake.buttonsOf(call)).toEqual([
      { text: 'Open ticket', data: 'ticket:open' },
      { text: 'Help', url: 'https://example.com/help' },
    ]);
    expect(fake.textsTo(alice.id)).toEqual(['Hello, Alice!']);
    expect(fake.messagesIn(alice.id)).toHaveLength(1);
    expect(fake.callsTo(alice.id).map((c) => c.method)).toEqual(['sendMessage']);
  });

  it('applies an edit triggered by a callback query to the stored message', async () => {
    await bot.handleUpdate(updates.command(alice, 'start'));
    const sent = fake.messagesIn(alice.id)[0];
    await bot.handleUpdate(updates.callback(alice, 'ticket:open', { chatId: alice.id, messageId: sent.message_id, text: sent.text }));

    expect(fake.callsOf('answerCallbackQuery')[0].params).toMatchObject({ text: 'ok' });
    const edited = fake.message(alice.id, sent.message_id)!;
    expect(edited.text).toBe('Ticket open');
    expect(edited.reply_markup).toBeUndefined(); // editMessageText without markup drops the keyboard, as in Telegram
    expect(fake.buttonsOf(edited)).toEqual([]);
    expect(fake.textsTo(alice.id)).toEqual(['Hello, Alice!', 'Ticket open']);
    expect(fake.lastTextTo(alice.id)).toBe('Ticket open');

    // Same edit again: Telegram refuses "message is not modified".
    const again = bot.handleUpdate(updates.callback(alice, 'ticket:open', { chatId: alice.id, messageId: sent.message_id }));
    await expect(again).rejects.toMatchObject({ error: { error_code: 400, description: expect.stringContaining('message is not modified') } });
    // Unknown message: "message to edit not found".
    const missing = bot.handleUpdate(updates.callback(alice, 'ticket:open', { chatId: alice.id, messageId: 4242 }));
    await expect(missing).rejects.toMatchObject({ error: { description: 'Bad Request: message to edit not found' } });
  });

  it('rejects unescaped HTML and accepts escaped HTML', async () => {
    await expect(bot.handleUpdate(updates.text(alice, '/echo <x> & co'))).rejects.toMatchObject({
      error: { error_code: 400, description: expect.stringMatching(/^Bad Request: can't parse entities: Unsupported start tag "x"/) },
    });
    const failed = fake.callsOf('sendMessage')[0];
    expect(failed.error?.error_code).toBe(400); // failing calls are recorded too
    expect(fake.callsTo(alice.id)).toEqual([]); // ...but callsTo lists successful ones only

    await bot.handleUpdate(updates.text(alice, '/echosafe <x> & co'));
    expect(fake.lastTextTo(alice.id)).toBe('You said: <x> & co');
    await expect(bot.handleUpdate(updates.text(alice, '/echo a & b'))).rejects.toMatchObject({ error: { error_code: 400 } });
  });

  it('enforces the 64-byte callback_data limit', async () => {
    await expect(bot.handleUpdate(updates.command(alice, 'longdata'))).rejects.toMatchObject({
      error: { error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' },
    });
    await expect(bot.api.sendMessage(alice.id, 'x', { reply_markup: new InlineKeyboard().text('x', 'д'.repeat(33)) }))
      .rejects.toMatchObject({ description: 'Bad Request: BUTTON_DATA_INVALID' }); // 66 bytes in UTF-8
    await bot.api.sendMessage(alice.id, 'x', { reply_markup: new InlineKeyboard().text('x', 'д'.repeat(32)) });
  });

  it('validates text and caption lengths', async () => {
    await expect(bot.api.sendMessage(alice.id, '')).rejects.toMatchObject({ description: 'Bad Request: message text is empty' });
    await expect(bot.api.sendMessage(alice.id, 'a'.repeat(4097))).rejects.toMatchObject({ description: 'Bad Request: message is too long' });
    // Length counts the rendered text: tags and entities do not count.
    await bot.api.sendMessage(alice.id, `<b>${'&lt;'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    await expect(bot.api.sendPhoto(alice.id, 'photo-1', { caption: 'c'.repeat(1025) }))
      .rejects.toMatchObject({ description: 'Bad Request: message caption is too long' });
  });

  it('failNext fails exactly one matching call', async () => {
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } }, (p) => p.text === 'b');
    await bot.api.sendMessage(alice.id, 'a');
    const err = await bot.api.sendMessage(alice.id, 'b').catch((e) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    await bot.api.sendMessage(alice.id, 'b');
    expect(fake.callsOf('sendMessage').map((c) => c.error?.error_code ?? 'ok')).toEqual(['ok', 429, 'ok']);
  });

  it('blockUser and neverStarted produce 403 GrammyErrors', async () => {
    fake.blockUser(alice.id);
    const err = await bot.handleUpdate(updates.command(alice, 'start')).catch((e) => e.error);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });

    fake.neverStarted(999);
    await expect(bot.api.sendMessage(999, 'hi')).rejects.toMatchObject({
      error_code: 403, description: "Forbidden: bot can't initiate conversation with a user",
    });
  });

  it('answers getChatMember from the member map', async () => {
    fake.setChatMember(GROUP, alice.id, 'administrator');
    await bot.handleUpdate(updates.command(alice, 'isadmin'));
    expect(fake.lastTextTo(alice.id)).toBe('status: administrator');
    expect((await bot.api.getChatMember(GROUP, 12345)).status).toBe('left');
  });

  it('on() overrides a method until off()', async () => {
    fake.on('getChat', (p) => ({ id: p.chat_id, type: 'supergroup', title: 'Tower A' }));
    expect(await bot.api.getChat(GROUP)).toMatchObject({ title: 'Tower A' });
    fake.on('sendMessage', () => ({ error: { error_code: 400, description: 'Bad Request: chat not found' } }));
    await expect(bot.api.sendMessage(1, 'x')).rejects.toMatchObject({ description: 'Bad Request: chat not found' });
    fake.off('sendMessage');
    await bot.api.sendMessage(1, 'x');
  });

  it('waitForCall resolves for past and future calls and times out with context', async () => {
    await bot.api.sendMessage(alice.id, 'first');
    await expect(fake.waitForCall((c) => c.params.text === 'first')).resolves.toMatchObject({ method: 'sendMessage' });
    const later = fake.waitForCall((c) => c.method === 'sendChatAction');
    setTimeout(() => void bot.api.sendChatAction(alice.id, 'typing'), 20);
    await expect(later).resolves.toMatchObject({ params: { action: 'typing' } });
    await expect(fake.waitForCall((c) => c.method === 'nope', 50)).rejects.toThrow(/sendChatAction/);
  });

  it('parses multipart uploads best-effort', async () => {
    await bot.handleUpdate(updates.command(alice, 'upload'));
    const [call] = fake.callsOf('sendPhoto');
    expect(call.params).toMatchObject({ chat_id: alice.id, photo: '<file>', caption: 'Photo ✓' });
    expect(fake.messagesIn(alice.id)[0]).toMatchObject({ caption: 'Photo ✓', media: [{ type: 'photo' }] });
  });

  it('handles media groups, deletes and topics', async () => {
    const msgs = await bot.api.sendMediaGroup(GROUP, [
      { type: 'photo', media: 'p1', caption: '<b>one</b>', parse_mode: 'HTML' },
      { type: 'video', media: 'v1' },
    ], { message_thread_id: 7 });
    expect(msgs.map((m) => m.message_id)).toEqual([1000, 1001]);
    expect(fake.textsTo(GROUP)).toEqual(['one']);
    expect(fake.messagesIn(GROUP)[1]).toMatchObject({ media: [{ type: 'video', file_id: 'v1' }], message_thread_id: 7 });
    await bot.api.deleteMessage(GROUP, 1000);
    expect(fake.message(GROUP, 1000)?.deleted).toBe(true);
    await expect(bot.api.editMessageCaption(GROUP, 1000, { caption: 'x' })).rejects.toMatchObject({ error_code: 400 });
  });

  it('builds updates grammY understands (commands with @botname, groups, contacts)', async () => {
    const seen: string[] = [];
    const b = new Bot('123:TEST', { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    b.command('help', (ctx) => { seen.push(`help:${ctx.chat.type}:${ctx.message?.message_thread_id ?? '-'}`); });
    b.on(':contact', (ctx) => { seen.push(`contact:${ctx.msg.contact.user_id === ctx.from?.id}`); });
    b.on('my_chat_member', (ctx) => { seen.push(`me:${ctx.myChatMember.new_chat_member.status}`); });
    await b.handleUpdate(updates.text(alice, '/help@helpdesk_test_bot', { id: GROUP, is_forum: true }, { message_thread_id: 5 }));
    await b.handleUpdate(updates.contact(alice, '+85291234567'));
    await b.handleUpdate(updates.contact(alice, '+85291234567', { ofSelf: false }));
    await b.handleUpdate(updates.myChatMember(GROUP, alice, 'left', 'administrator'));
    expect(seen).toEqual(['help:supergroup:5', 'contact:true', 'contact:false', 'me:administrator']);
  });
});

describe('telegramHtml', () => {
  it('renders entities with UTF-16 offsets', () => {
    expect(parseTelegramHtml('😀 <b>x<i>y</i></b> <a href="https://t.me/a?b=1&amp;c=2">l</a>')).toEqual({
      text: '😀 xy l',
      entities: [
        { type: 'bold', offset: 3, length: 2 },
        { type: 'italic', offset: 4, length: 1 },
        { type: 'text_link', url: 'https://t.me/a?b=1&c=2', offset: 6, length: 1 },
      ],
    });
    expect(parseTelegramHtml('<pre><code class="language-ts">x</code></pre>').entities).toEqual([{ type: 'pre', language: 'ts', offset: 0, length: 1 }]);
    expect(parseTelegramHtml('<blockquote expandable>q</blockquote><span class="tg-spoiler">s</span>').entities.map((e) => e.type))
      .toEqual(['expandable_blockquote', 'spoiler']);
  });

  it.each([
    ['<b>x</i>', /Unmatched end tag at byte offset 4, expected "<\/b>", found "<\/i>"/],
    ['<b>x', /Can't find end tag corresponding to start tag "b"/],
    ['x</b>', /Unexpected end tag/],
    ['1 < 2', /Unsupported start tag ""/],
    ['<span>x</span>', /must have class "tg-spoiler"/],
    ['<div>x</div>', /Unsupported start tag "div"/],
    ['a &nbsp; b', /Unescaped "&"/],
    ['x <b', /Unclosed start tag/],
  ])('rejects %s', (html, re) => {
    expect(() => parseTelegramHtml(html)).toThrow(re);
  });

  it('can keep a bare & literally like real Telegram', () => {
    expect(parseTelegramHtml('A & B &#65;&#x42;', { strictAmpersand: false }).text).toBe('A & B AB');
  });
});
