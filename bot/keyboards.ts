/** The resident's main menu, in both languages; a tap is recognised whatever the language. */
import { Keyboard } from 'grammy';
import type { Lang } from '../src/config/office';
import { LANGS, type Texts } from './texts';

export const MENU_ITEMS = ['repair', 'complaint', 'emergency', 'my', 'inquiry'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export function mainMenu(texts: Texts, lang: Lang): Keyboard {
  const label = (item: MenuItem) => texts.t(lang, `menu-${item}`);
  return new Keyboard()
    .text(label('repair'))
    .text(label('complaint'))
    .row()
    .text(label('emergency'))
    .text(label('my'))
    .row()
    .text(label('inquiry'))
    .resized()
    .persistent();
}

export function menuItemOf(texts: Texts, text: string): MenuItem | undefined {
  const typed = text.trim();
  return MENU_ITEMS.find((item) => LANGS.some((lang) => texts.t(lang, `menu-${item}`) === typed));
}

export function isMenuText(texts: Texts, text: string): boolean {
  return menuItemOf(texts, text) !== undefined;
}
