/**
 * Renders public/icon.svg into the PNG icons and favicon.ico that browsers and home screens ask
 * for, with the same Chromium the tests use. Run after changing the SVG:
 * `npx tsx scripts/render-icons.ts`; the outputs are committed.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/support/chromium";

const publicDir = path.resolve("public");
const svg = await readFile(path.join(publicDir, "icon.svg"), "utf8");
// A maskable icon is cropped to a circle or squircle by the launcher: the background must bleed.
const fullBleed = svg.replace(/ rx="\d+"/, "");

const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
async function render(source: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${source.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const outputs: [string, string, number][] = [
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["icon-maskable-512.png", fullBleed, 512],
  ["apple-touch-icon.png", fullBleed, 180],
];
for (const [name, source, size] of outputs) await writeFile(path.join(publicDir, name), await render(source, size));

// favicon.ico holding one 32 × 32 PNG: every browser since IE 11 reads PNG inside ICO.
const png = await render(svg, 32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14); // image size
header.writeUInt32LE(22, 18); // image offset
await writeFile(path.join(publicDir, "favicon.ico"), Buffer.concat([header, png]));
await browser.close();
console.log(`Wrote ${outputs.length + 1} icons to ${publicDir}`);
