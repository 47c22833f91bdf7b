/**
 * Translations live in bot/locales/*.ftl (Fluent, through @grammyjs/i18n). Arguments are
 * escaped here, in one place, so no caller can forget: only `Html` fragments pass as they are.
 */
import path from 'node:path';
import { I18n, TranslateWarnings } from '@grammyjs/i18n';
import type { Lang } from '../src/config/office';
import { escapeHtml, Html } from './html';

export const LANGS: Lang[] = ['zh-CN', 'en'];

export type TextArgs = Record<string, string | number | Html | undefined>;

export interface TextsOptions {
  directory?: string;
  /** Called when a key is missing; tests pass one that throws. */
  onMissing?: (lang: Lang, key: string) => void;
}

export class Texts {
  private readonly i18n: I18n;
  private readonly onMissing: (lang: Lang, key: string) => void;

  constructor(options: TextsOptions = {}) {
    this.onMissing = options.onMissing ?? (() => {});
    this.i18n = new I18n({
      defaultLocale: 'zh-CN',
      // Fluent wraps placeables in Unicode isolation marks by default; they show up as
      // stray characters in Telegram and break copy-pasted reference numbers.
      fluentBundleOptions: { useIsolating: false },
      fluentOptions: {
        warningHandler: (warning) => {
          if (warning.type !== TranslateWarnings.MISSING_ATTRIBUTE) this.onMissing(warning.locales[0] as Lang, warning.path);
        },
      },
    });
    this.i18n.loadLocalesDirSync(options.directory ?? path.join(__dirname, 'locales'));
  }

  /** For button labels and other plain-text places, where HTML escapes would show literally. */
  plain(lang: Lang, key: string, args: Record<string, string | number> = {}): string {
    const vars: Record<string, string> = {};
    for (const [name, value] of Object.entries(args)) vars[name] = String(value);
    return this.i18n.t(lang, key, vars);
  }

  t(lang: Lang, key: string, args: TextArgs = {}): string {
    const vars: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined) vars[name] = '';
      else if (value instanceof Html) vars[name] = value.html;
      else if (typeof value === 'number') vars[name] = value; // numbers select plural forms
      else vars[name] = escapeHtml(value);
    }
    return this.i18n.t(lang, key, vars);
  }
}

/** The language for a person: their /lang choice, else Telegram's language_code. */
export function pickLanguage(stored: string | undefined, telegramCode: string | undefined, officeDefault: Lang): Lang {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  if (!telegramCode) return officeDefault;
  return telegramCode.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
