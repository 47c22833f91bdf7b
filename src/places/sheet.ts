/**
 * The printable sheet of scan-to-report codes (`npm run qr`): one QR code per office place,
 * the deep link `https://t.me/<bot>?start=<code>`, with the place's name in both languages
 * under it, laid out to be printed and cut. The QR drawing is passed in (the `qrcode` library
 * in the script), so the layout is plain data and text.
 */
import type { OfficePolicy } from '../config/office';
import type { Place } from './config';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The deep link a place's code stands for. */
export function placeLink(botUsername: string, place: Pick<Place, 'code'>): string {
  return `https://t.me/${botUsername}?start=${place.code}`;
}

/** Bot usernames are 5-32 letters, digits and underscores (ending in "bot"); an @ in front is allowed. */
export function botUsernameOf(text: string | undefined): string | undefined {
  const name = text?.trim().replace(/^@/, '');
  return name && /^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(name) ? name : undefined;
}

export async function renderQrSheet(policy: Pick<OfficePolicy, 'places' | 'name'>, botUsername: string, svgOf: (link: string) => Promise<string>): Promise<string> {
  const places = policy.places ?? [];
  const cells = await Promise.all(
    places.map(async (place) => {
      const link = placeLink(botUsername, place);
      const names = place.name['zh-CN'] === place.name.en ? escape(place.name.en) : `${escape(place.name['zh-CN'])}<br>${escape(place.name.en)}`;
      return [
        '<figure class="code">',
        `  ${await svgOf(link)}`,
        `  <figcaption><strong>${names}</strong><br><span>扫码报修 · Scan to report</span><br><small>${escape(link)}</small></figcaption>`,
        '</figure>',
      ].join('\n');
    }),
  );
  const title = `${escape(policy.name['zh-CN'])} · 扫码报修`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${title}</title>`,
    '<style>',
    'body{font-family:sans-serif;margin:1cm} h1{font-size:16pt}',
    '.sheet{display:grid;grid-template-columns:repeat(3,1fr);gap:1cm}',
    '.code{margin:0;padding:.5cm;border:1px dashed #999;text-align:center;break-inside:avoid}',
    '.code svg{width:5cm;height:5cm} figcaption{font-size:12pt} small{font-size:7pt;color:#555}',
    '</style></head><body>',
    `<h1>${title}</h1>`,
    places.length === 0 ? '<p>No places are listed in the office policy (places:).</p>' : `<div class="sheet">\n${cells.join('\n')}\n</div>`,
    '</body></html>',
    '',
  ].join('\n');
}
