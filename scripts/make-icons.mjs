// Makes static/icons/*.png from static/icon.svg with Debian's Chromium: the sizes an installed
// app needs, and a maskable one with the safe zone around it. Run by a developer when the icon
// changes; the output is committed.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = fs.readFileSync('static/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const [name, size, pad, bg] of [['icon-192', 192, 0, 'transparent'], ['icon-512', 512, 0, 'transparent'], ['maskable-512', 512, 0.1, '#0b5394']]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(`<html><body style="margin:0;background:${bg};display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`);
  await page.screenshot({ path: `static/icons/${name}.png`, omitBackground: bg === 'transparent' });
  await page.close();
}
await browser.close();
for (const f of fs.readdirSync('static/icons')) console.log(f, fs.statSync(`static/icons/${f}`).size);
