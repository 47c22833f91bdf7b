/** The command menus Telegram shows, in both languages, for residents and for staff groups. */
import type { Api } from 'grammy';
import type { Lang } from '../src/config/office';
import { LANGS, type Texts } from './texts';

const PRIVATE = ['repair', 'complain', 'emergency', 'my', 'ask', 'profile', 'lang', 'help', 'cancel'];
const GROUP = ['open', 'mine', 'late', 'ticket', 'task', 'help', 'chatid'];

const TELEGRAM_CODE = { 'zh-CN': 'zh', en: 'en' } as const satisfies Record<Lang, string>;

function list(texts: Texts, lang: Lang, commands: string[]) {
  return commands.map((command) => ({ command, description: texts.plain(lang, `cmd-${command}`) }));
}

export async function registerCommands(api: Api, texts: Texts, officeLanguage: Lang): Promise<void> {
  for (const lang of LANGS) {
    const language_code = TELEGRAM_CODE[lang];
    await api.setMyCommands(list(texts, lang, PRIVATE), { scope: { type: 'all_private_chats' }, language_code });
    await api.setMyCommands(list(texts, lang, GROUP), { scope: { type: 'all_group_chats' }, language_code });
  }
  // Users whose Telegram language is neither get the office's language.
  await api.setMyCommands(list(texts, officeLanguage, PRIVATE), { scope: { type: 'all_private_chats' } });
  await api.setMyCommands(list(texts, officeLanguage, GROUP), { scope: { type: 'all_group_chats' } });
}
