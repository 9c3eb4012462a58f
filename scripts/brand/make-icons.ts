import { writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

/**
 * Writes Brisk's icons and default share image into public/ from one drawing (a white bolt on the brand
 * green): favicon.ico (16, 32 and 48 px), icon.svg, the app icons of the web app manifest, the Apple touch
 * icon and og-default.png (1200×630). Run `npx tsx scripts/brand/make-icons.ts` after changing the drawing;
 * the files are committed (they are static assets, not build output).
 */

const GREEN = "#17603f";
const out = (name: string) => path.join("public", name);

const bolt = (size: number, inset = 0) => {
  const s = (size - 2 * inset) / 64;
  const points = [
    [36, 8],
    [16, 36],
    [30, 36],
    [26, 56],
    [48, 26],
    [34, 26],
  ];
  return `<path fill="#fff" d="M${points.map(([x, y]) => `${inset + x * s} ${inset + y * s}`).join(" L")} Z"/>`;
};

const icon = (size: number, { rounded = true, inset = 0 } = {}) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
  `<rect width="${size}" height="${size}" rx="${rounded ? size * 0.22 : 0}" fill="${GREEN}"/>${bolt(size, inset)}</svg>`;

const png = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

/** An .ico holding PNG images (valid in every current browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

async function main(): Promise<void> {
  writeFileSync(out("icon.svg"), icon(64));
  const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(icon(size)) })));
  writeFileSync(out("favicon.ico"), ico(small));
  writeFileSync(out("apple-touch-icon.png"), await png(icon(180, { rounded: false })));
  writeFileSync(out("icon-192.png"), await png(icon(192)));
  writeFileSync(out("icon-512.png"), await png(icon(512)));
  writeFileSync(out("icon-maskable-512.png"), await png(icon(512, { rounded: false, inset: 80 })));
  const share =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">` +
    `<rect width="1200" height="630" fill="${GREEN}"/><g transform="translate(140 155)">${icon(320).replace(/<\/?svg[^>]*>/g, "")}</g>` +
    `<text x="520" y="300" font-family="DejaVu Sans" font-weight="bold" font-size="120" fill="#fff">Brisk</text>` +
    `<text x="524" y="380" font-family="DejaVu Sans" font-size="40" fill="#d1fae5">Well-made everyday things.</text></svg>`;
  writeFileSync(out("og-default.png"), await png(share));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
