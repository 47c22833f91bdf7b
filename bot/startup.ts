/**
 * Start-up checks against Telegram, before anything else runs: is the token accepted, can
 * the Bot API be reached, and can the bot post in every configured staff chat. Each problem
 * is one message that says what to change; none comes with a stack trace.
 */
import { Api, GrammyError, HttpError } from 'grammy';
import type { ChatMember, UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { OfficePolicy } from '../src/config/office';

export const TELEGRAM_API_ROOT = 'https://api.telegram.org';

/** A problem that stops the start; its message is the whole explanation (no stack). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface TelegramCheckOptions {
  token: string;
  apiRoot?: string;
  log: Logger;
  /** Waits between attempts while Telegram cannot be reached (ms); the last one repeats. */
  retryDelays?: number[];
  /** Gives up after this many attempts (default: never, a supervisor would only restart us). */
  maxAttempts?: number;
  /** One getMe may take this long before it counts as unreachable. */
  timeoutSeconds?: number;
}

const DEFAULT_DELAYS = [1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];

/** ECONNREFUSED, ENOTFOUND, "timed out"… — the short reason of a network failure. */
export function networkReason(error: HttpError): string {
  const inner = error.error as { code?: string; cause?: { code?: string }; message?: string } | undefined;
  const code = inner?.code ?? inner?.cause?.code;
  if (code) return code;
  const message = inner?.message ?? error.message;
  return /timed? ?out|aborted/i.test(message) ? 'no answer (timed out)' : message.split('\n')[0].slice(0, 200);
}

/**
 * getMe, retried while Telegram cannot be reached (one log line per attempt, naming the API
 * root). A rejected token stops the start at once.
 * @throws StartupError for 401/404 (the token), or after maxAttempts.
 */
export async function checkTelegram(options: TelegramCheckOptions): Promise<UserFromGetMe> {
  const root = options.apiRoot ?? TELEGRAM_API_ROOT;
  const api = new Api(options.token, { apiRoot: root, timeoutSeconds: options.timeoutSeconds ?? 15 });
  const delays = options.retryDelays ?? DEFAULT_DELAYS;
  for (let attempt = 1; ; attempt++) {
    try {
      const me = await api.getMe();
      if (attempt > 1) options.log.info({ apiRoot: root, attempt }, `Telegram Bot API at ${root} reached`);
      return me;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 401) {
        throw new StartupError(
          'Telegram rejected the bot token (401 Unauthorized): BOT_TOKEN is wrong or was revoked.\n' +
            'Fix: in Telegram open @BotFather, send /mybots, choose the bot, "API Token", and put that token in BOT_TOKEN ' +
            '(the .env file next to package.json), then start again.',
        );
      }
      if (error instanceof GrammyError && error.error_code === 404) {
        throw new StartupError(
          `Telegram answered "404 Not Found" to getMe at ${root}: BOT_TOKEN is not a valid token` +
            (options.apiRoot ? `, or TELEGRAM_API_ROOT (${root}) is not a Bot API server` : '') +
            '.\nFix: copy the token again from @BotFather (/mybots → the bot → API Token) into BOT_TOKEN' +
            (options.apiRoot ? ', and check TELEGRAM_API_ROOT or leave it empty for Telegram\'s own server.' : '.'),
        );
      }
      const reason =
        error instanceof HttpError ? networkReason(error)
        : error instanceof GrammyError ? `${error.error_code} ${error.description}`
        : (error as Error)?.message ?? String(error);
      const wait = delays[Math.min(attempt - 1, delays.length - 1)];
      const last = options.maxAttempts !== undefined && attempt >= options.maxAttempts;
      options.log.warn(
        { apiRoot: root, attempt, reason, retryInSeconds: last ? undefined : wait / 1000 },
        `Telegram Bot API at ${root} cannot be reached (${reason}), attempt ${attempt}` +
          (last ? '' : `; trying again in ${wait / 1000} s`) +
          '. Check this server\'s internet connection, proxy and firewall' +
          (options.apiRoot ? `, and TELEGRAM_API_ROOT (${root})` : ' (api.telegram.org must be reachable on port 443)'),
      );
      if (last) {
        throw new StartupError(
          `Telegram Bot API at ${root} could not be reached after ${attempt} attempts (${reason}).\n` +
            'Fix: check the internet connection, proxy and firewall of this server' +
            (options.apiRoot ? `, and TELEGRAM_API_ROOT (${root}).` : '.'),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Each configured chat once, with the settings that name it (for the messages). */
export function configuredChats(policy: OfficePolicy, staffChatId?: number): Map<number, string[]> {
  const chats = new Map<number, string[]>();
  const add = (chatId: number, where: string) => chats.set(chatId, [...(chats.get(chatId) ?? []), where]);
  const fromEnv = policy.departments.filter((d) => staffChatId !== undefined && d.chat.chatId === staffChatId);
  if (fromEnv.length > 0) add(staffChatId!, `STAFF_CHAT_ID (departments ${fromEnv.map((d) => d.id).join(', ')})`);
  for (const d of policy.departments) {
    if (!fromEnv.includes(d)) add(d.chat.chatId, `departments[${d.id}].chat.chatId`);
  }
  if (policy.nightShift.chat) add(policy.nightShift.chat.chatId, 'nightShift.chat.chatId');
  return chats;
}

const GET_ID = 'Send /chatid in the staff group (the bot answers with the id) and put that number there';
const ADD_BOT = 'add the bot to the group (Group info → Add members → the bot\'s @username)';

function migrated(error: unknown): number | undefined {
  return error instanceof GrammyError ? error.parameters?.migrate_to_chat_id : undefined;
}

/** What is wrong with the bot's membership, or undefined when it can post. */
function membershipProblem(member: ChatMember, name: string, where: string): string | undefined {
  switch (member.status) {
    case 'left':
      return `${name}: the bot is not a member of this group, so it cannot post tickets there (set in ${where}). Fix: ${ADD_BOT}.`;
    case 'kicked':
      return `${name}: the bot was removed from this group and is banned, so it cannot post tickets there (set in ${where}). ` +
        'Fix: unban it (Group info → Administrators / Removed users), then add the bot again.';
    case 'restricted':
      return member.can_send_messages ? undefined
        : `${name}: the bot may not send messages in this group (set in ${where}). Fix: allow it to send messages, or make it an admin.`;
    default:
      return undefined;
  }
}

export interface ChatCheckResult {
  problems: string[];
  warnings: string[];
}

/**
 * getChat and getChatMember(bot) for every staff chat: a person's id, a group that does not
 * exist or has become a supergroup, a bot that is not (or no longer) a member are problems;
 * privacy mode on without admin rights is a warning (the bot would not see the staff's words).
 * A network failure here is a warning too: the token check has just reached Telegram.
 */
export async function checkStaffChats(api: Api, me: UserFromGetMe, policy: OfficePolicy, staffChatId?: number): Promise<ChatCheckResult> {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const [chatId, where] of configuredChats(policy, staffChatId)) {
    const setting = where.join(' and ');
    if (chatId > 0) {
      problems.push(
        `chat ${chatId} (${setting}) is a person's id, not a group: group ids are negative (supergroups start with -100). ` +
          `Fix: ${GET_ID}.`,
      );
      continue;
    }
    let name = `chat ${chatId}`;
    try {
      const chat = await api.getChat(chatId);
      if (chat.type === 'channel') {
        problems.push(`${name} (${setting}) is a channel, not a group: staff cannot press buttons as themselves there. Fix: use a group; ${GET_ID}.`);
        continue;
      }
      if ('title' in chat && chat.title) name = `group "${chat.title}" (${chatId})`;
      const member = await api.getChatMember(chatId, me.id);
      const problem = membershipProblem(member, name, setting);
      if (problem) {
        problems.push(problem);
        continue;
      }
      if (member.status !== 'administrator' && member.status !== 'creator' && !me.can_read_all_group_messages) {
        warnings.push(
          `${name} (${setting}): privacy mode is on and the bot is not an admin, so it does not see the staff's ordinary messages there ` +
            '(buttons, commands and replies to the bot still work). Fix: make the bot an admin of the group, or in @BotFather ' +
            'send /setprivacy, choose the bot, Disable — then remove the bot from the group and add it again.',
        );
      }
    } catch (error) {
      const newId = migrated(error);
      if (newId !== undefined) {
        problems.push(`${name} (${setting}) was upgraded to a supergroup and now has the id ${newId}. Fix: replace ${chatId} by ${newId} there.`);
      } else if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) {
        problems.push(
          `${name} (${setting}) cannot be reached by the bot: Telegram says "${error.description}". The group does not exist, ` +
            `the id is wrong, or the bot is not in it. Fix: ${ADD_BOT}, then ${GET_ID.charAt(0).toLowerCase()}${GET_ID.slice(1)}.`,
        );
      } else {
        const reason = error instanceof HttpError ? networkReason(error) : (error as Error)?.message ?? String(error);
        warnings.push(`${name} (${setting}) could not be checked now (${reason}); it will be used as configured.`);
      }
    }
  }
  return { problems, warnings };
}

/** Logs the warnings; throws one StartupError listing every problem. */
export async function requireStaffChats(api: Api, me: UserFromGetMe, policy: OfficePolicy, staffChatId: number | undefined, log: Logger): Promise<void> {
  const { problems, warnings } = await checkStaffChats(api, me, policy, staffChatId);
  for (const warning of warnings) log.warn(warning);
  if (problems.length > 0) {
    throw new StartupError(
      `The bot cannot post tickets to ${problems.length === 1 ? 'a configured staff chat' : `${problems.length} configured staff chats`}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
