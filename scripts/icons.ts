/**
 * Renders the extension's icons (public/icon/<size>.png) from one SVG with Chromium, so the glyph 提 is drawn
 * by a real CJK font (fonts-wqy-microhei) at every size. The PNGs are committed; run this only to change them:
 *   npx tsx scripts/icons.ts
 */
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function iconSvg(size: number): string {
  // Small sizes get a relatively larger glyph and smaller corner radius so the character stays readable.
  const radius = size <= 16 ? 3 : Math.round(size * 0.18);
  const fontSize = size <= 16 ? 15 : size <= 32 ? 28 : Math.round(size * 0.8);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="#c0392b"/>
  <text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" fill="#fff8e7"
        font-family="WenQuanYi Micro Hei, sans-serif" font-weight="bold" font-size="${fontSize}">提</text>
</svg>`;
}

async function main(): Promise<void> {
  const outDir = join(root, 'public', 'icon');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:transparent}</style>${iconSvg(size)}`,
      );
      const file = join(outDir, `${size}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
