/**
 * `npm run qr [-- --bot <username>] [--out <file>]`: writes the printable sheet of scan-to-report
 * codes for the places in the office policy (OFFICE_CONFIG). The bot's username comes from
 * --bot, BOT_USERNAME, or Telegram's getMe with BOT_TOKEN.
 */
import 'dotenv/config';
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { loadEnv } from '../src/config/env';
import { loadOfficePolicyFile } from '../src/config/load';
import { botUsernameOf, renderQrSheet } from '../src/places/sheet';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function botUsername(token: string | undefined, apiRoot = 'https://api.telegram.org'): Promise<string | undefined> {
  const given = botUsernameOf(option('bot') ?? process.env.BOT_USERNAME);
  if (given || !token) return given;
  const answer = (await (await fetch(`${apiRoot}/bot${token}/getMe`)).json()) as { ok: boolean; result?: { username?: string } };
  return answer.ok ? botUsernameOf(answer.result?.username) : undefined;
}

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  // The sheet needs no staff chat: a placeholder lets an office print codes before setting one up.
  const policy = loadOfficePolicyFile(env.officeConfigPath, { staffChatId: env.staffChatId ?? 0, timezone: env.officeTimezone });
  const username = await botUsername(env.botToken, env.telegramApiRoot);
  if (!username) throw new Error('the bot\'s username is unknown: pass --bot <username> (e.g. --bot sunshine_help_bot), or set BOT_USERNAME or BOT_TOKEN');
  const out = option('out') ?? 'qr-codes.html';
  const html = await renderQrSheet(policy, username, (link) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  writeFileSync(out, html);
  console.log(`${policy.places?.length ?? 0} codes for @${username} written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
