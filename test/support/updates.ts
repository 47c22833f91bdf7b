/**
 * Builders of Telegram `Update` objects, shaped like the ones the real Bot API
 * delivers, so tests can feed them to `bot.handleUpdate(update)`.
 */
import type { Chat, ChatMember, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';

export interface TgUser { id: number; first_name: string; last_name?: string; username?: string; language_code?: string; is_bot?: false }

export interface ChatSpec { id: number; type?: 'private' | 'group' | 'supergroup'; title?: string; is_forum?: boolean }

/** The bot the fake Bot API server impersonates (also used as `from` of bot-sent messages in updates). */
export const TEST_BOT_INFO: UserFromGetMe = {
  id: 7000001,
  is_bot: true,
  first_name: 'Helpdesk',
  username: 'helpdesk_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  // Required by the installed @grammyjs/types (Bot API 9.x) even though the brief did not list them.
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export function user(id: number, first_name: string, extra?: Partial<TgUser>): TgUser {
  return { id, is_bot: false, first_name, ...extra };
}

const asUser = (u: TgUser): User => ({ ...u, is_bot: false });

/**
 * A ChatMember of the given status with every field the type requires;
 * permissions are "everything allowed" for admins/restricted so code reading them does not crash.
 */
export function chatMemberOf(u: User, status: string): ChatMember {
  switch (status) {
    case 'creator': return { status, user: u, is_anonymous: false };
    case 'administrator': return {
      status, user: u, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
      can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
      can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
      can_pin_messages: true, can_manage_topics: true, can_send_welcome_messages: false,
    };
    case 'member': return { status, user: u };
    case 'restricted': return {
      status, user: u, is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false,
      can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false,
      can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false,
      can_react_to_messages: false, can_change_info: false, can_invite_users: false, can_edit_tag: false,
      can_pin_messages: false, can_manage_topics: false, until_date: 0,
    };
    case 'kicked': return { status, user: u, until_date: 0 };
    default: return { status: 'left', user: u };
  }
}

const now = () => Math.floor(Date.now() / 1000);

export class UpdateFactory {
  private updateId: number;
  private readonly messageIds = new Map<number, number>();
  private callbackSeq = 0;
  private fileSeq = 0;

  constructor(startUpdateId = 100000) {
    this.updateId = startUpdateId;
  }

  nextUpdateId(): number {
    return ++this.updateId;
  }

  /** Per-chat ids, like Telegram. They start at 1; the fake server numbers bot messages from 1000, so they don't collide. */
  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private chatFor(from: TgUser, spec?: ChatSpec): Exclude<Chat, Chat.ChannelChat> {
    const id = spec?.id ?? from.id;
    const type = spec?.type ?? (id > 0 ? 'private' : 'supergroup');
    if (type === 'private') {
      if (id !== from.id) return { id, type, first_name: `User${id}` };
      return { id, type, first_name: from.first_name, last_name: from.last_name, username: from.username };
    }
    const title = spec?.title ?? `Group ${id}`;
    if (type === 'group') return { id, type, title };
    return spec?.is_forum ? { id, type, title, is_forum: true } : { id, type, title };
  }

  private message(from: TgUser, chat: ChatSpec | undefined, content: Partial<Message>, extra?: { message_thread_id?: number; reply_to_message?: any }): Update {
    const c = this.chatFor(from, chat);
    const message: Message & Update.NonChannel = {
      ...content, message_id: this.nextMessageId(c.id), from: asUser(from), chat: c, date: now(),
    };
    if (extra?.message_thread_id !== undefined) {
      message.message_thread_id = extra.message_thread_id;
      message.is_topic_message = true;
    }
    if (extra?.reply_to_message !== undefined) message.reply_to_message = extra.reply_to_message;
    return { update_id: this.nextUpdateId(), message };
  }

  text(from: TgUser, text: string, chat?: ChatSpec, extra?: { message_thread_id?: number; reply_to_message?: any }): Update {
    const content: Partial<Message> = { text };
    if (text.startsWith('/')) {
      // Telegram marks "/cmd" or "/cmd@botname" with a bot_command entity; grammY's bot.command() relies on it.
      const token = text.split(/\s/, 1)[0];
      const entities: MessageEntity[] = [{ type: 'bot_command', offset: 0, length: token.length }];
      content.entities = entities;
    }
    return this.message(from, chat, content, extra);
  }

  command(from: TgUser, command: string, chat?: ChatSpec): Update {
    return this.text(from, command.startsWith('/') ? command : `/${command}`, chat);
  }

  /** Several sizes like Telegram sends; the largest (last) one carries `fileId`, smaller ones derived ids. */
  photo(from: TgUser, fileId: string, caption?: string, chat?: ChatSpec): Update {
    const uniq = `uniq-${fileId}`;
    const photo = [
      { file_id: `${fileId}-s`, file_unique_id: `${uniq}-s`, width: 90, height: 68, file_size: 1200 },
      { file_id: `${fileId}-m`, file_unique_id: `${uniq}-m`, width: 320, height: 240, file_size: 15000 },
      { file_id: fileId, file_unique_id: uniq, width: 1280, height: 960, file_size: 120000 },
    ];
    return this.message(from, chat, caption === undefined ? { photo } : { photo, caption });
  }

  video(from: TgUser, fileId: string, caption?: string, chat?: ChatSpec): Update {
    const video = { file_id: fileId, file_unique_id: `uniq-${fileId}`, width: 1280, height: 720, duration: 12, mime_type: 'video/mp4', file_size: 900000 };
    return this.message(from, chat, caption === undefined ? { video } : { video, caption });
  }

  sticker(from: TgUser, chat?: ChatSpec): Update {
    const id = `sticker-${++this.fileSeq}`;
    const sticker = { file_id: id, file_unique_id: `uniq-${id}`, type: 'regular' as const, width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍', set_name: 'TestPack' };
    return this.message(from, chat, { sticker });
  }

  document(from: TgUser, fileId: string, fileName: string, chat?: ChatSpec): Update {
    const document = { file_id: fileId, file_unique_id: `uniq-${fileId}`, file_name: fileName, mime_type: guessMime(fileName), file_size: 20000 };
    return this.message(from, chat, { document });
  }

  /** A shared contact; with `ofSelf: false` it is somebody else's card (different user_id and name). */
  contact(from: TgUser, phone: string, opts?: { ofSelf?: boolean }): Update {
    const ofSelf = opts?.ofSelf ?? true;
    const contact = ofSelf
      ? { phone_number: phone, first_name: from.first_name, last_name: from.last_name, user_id: from.id }
      : { phone_number: phone, first_name: 'Other', last_name: 'Person', user_id: from.id + 1 };
    return this.message(from, undefined, { contact });
  }

  location(from: TgUser, lat: number, lon: number): Update {
    return this.message(from, undefined, { location: { latitude: lat, longitude: lon } });
  }

  /** A button press on a message the bot sent earlier (pass the id the fake server assigned). */
  callback(from: TgUser, data: string, message: { chatId: number; messageId: number; text?: string; chatType?: 'private' | 'supergroup'; reply_markup?: any }): Update {
    const type = message.chatType ?? (message.chatId > 0 ? 'private' : 'supergroup');
    const chat = this.chatFor(from, { id: message.chatId, type });
    const msg: Message = { message_id: message.messageId, from: TEST_BOT_INFO, chat, date: now() - 60 };
    if (message.text !== undefined) msg.text = message.text;
    if (message.reply_markup !== undefined) msg.reply_markup = message.reply_markup;
    return {
      update_id: this.nextUpdateId(),
      callback_query: {
        id: `${Date.now()}${++this.callbackSeq}`,
        from: asUser(from),
        chat_instance: `ci${Math.abs(message.chatId)}`,
        data,
        message: msg,
      },
    };
  }

  chatMember(chatId: number, member: TgUser, oldStatus: string, newStatus: string, by?: TgUser): Update {
    const chat = this.chatFor(by ?? member, { id: chatId });
    return {
      update_id: this.nextUpdateId(),
      chat_member: {
        chat, from: asUser(by ?? member), date: now(),
        old_chat_member: chatMemberOf(asUser(member), oldStatus),
        new_chat_member: chatMemberOf(asUser(member), newStatus),
      },
    };
  }

  /** The bot's own membership changed: added to/removed from a group, or blocked/unblocked in a private chat. */
  myChatMember(chatId: number, by: TgUser, oldStatus: string, newStatus: string): Update {
    const chat = this.chatFor(by, { id: chatId });
    return {
      update_id: this.nextUpdateId(),
      my_chat_member: {
        chat, from: asUser(by), date: now(),
        old_chat_member: chatMemberOf(TEST_BOT_INFO, oldStatus),
        new_chat_member: chatMemberOf(TEST_BOT_INFO, newStatus),
      },
    };
  }
}

function guessMime(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', txt: 'text/plain',
    doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', mp4: 'video/mp4', zip: 'application/zip',
  };
  return known[ext] ?? 'application/octet-stream';
}
