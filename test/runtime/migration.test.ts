/**
 * A staff group upgraded to a supergroup changes its id: the service message Telegram sends
 * is logged (once, at error level) with the new id and the setting to change.
 */
import { Writable } from 'node:stream';
import type { Update } from 'grammy/types';
import { createLogger } from '../../src/log';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';

let h: Harness;
let text = '';
const destination = new Writable({ write: (chunk, _e, done) => ((text += chunk.toString()), done()) });

beforeAll(async () => {
  h = await createHarness({ log: createLogger({ level: 'info', destination }) });
});
afterAll(() => h.close());

const NEW_ID = -1001000000999;
const serviceMessage = (chatId: number, field: Record<string, number>): Update => ({
  update_id: h.u.nextUpdateId(),
  message: { message_id: 77, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: chatId === NEW_ID ? 'supergroup' : 'group', title: 'Staff' }, from: people.zhang, ...field } as never,
});

test('migrate_to_chat_id in a staff group: the new id is logged for the configuration, once', async () => {
  await h.send(serviceMessage(STAFF_CHAT, { migrate_to_chat_id: NEW_ID }));
  // Telegram also sends migrate_from_chat_id into the new supergroup: the same news, not logged again.
  await h.send(serviceMessage(NEW_ID, { migrate_from_chat_id: STAFF_CHAT }));
  const lines = text.split('\n').filter((l) => l.includes('became a supergroup')).map((l) => JSON.parse(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 50, oldChatId: STAFF_CHAT, newChatId: NEW_ID });
  expect(lines[0].msg).toContain(`Fix: replace ${STAFF_CHAT} by ${NEW_ID} in departments[engineering].chat.chatId`);
});
