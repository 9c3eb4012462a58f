import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { SeedProduct } from "./catalog";

/**
 * Renders the products' images offline: an SVG drawn from the product's colours and its category's shape,
 * rasterised to WebP by sharp into MEDIA_DIR/products/seed. A file is named for what it shows, so products
 * that look alike share it: at most 800 files (4 shapes, 10 by 10 colours, 2 views) whatever the size of
 * the catalog. Files that exist are kept (the seed is deterministic, so they are the same), which makes a
 * second seed fast.
 */

export const IMAGE_SIZE = 800;

type Looks = Pick<SeedProduct, "shape" | "palette">;

/** The product's two images (front, detail) under MEDIA_DIR. */
export function imagePaths({ shape, palette }: Looks): [string, string] {
  const name = `products/seed/${shape}-${palette[0].slice(1)}-${palette[1].slice(1)}`;
  return [`${name}-1.webp`, `${name}-2.webp`];
}

function shapeSvg(shape: SeedProduct["shape"], colour: string, scale: number): string {
  const c = IMAGE_SIZE / 2;
  const r = (IMAGE_SIZE / 4) * scale;
  switch (shape) {
    case "circle":
      return `<circle cx="${c}" cy="${c}" r="${r}" fill="${colour}"/>`;
    case "square":
      return `<rect x="${c - r}" y="${c - r}" width="${2 * r}" height="${2 * r}" rx="${r / 6}" fill="${colour}"/>`;
    case "triangle":
      return `<polygon points="${c},${c - r} ${c + r},${c + r * 0.8} ${c - r},${c + r * 0.8}" fill="${colour}"/>`;
    case "diamond":
      return `<polygon points="${c},${c - r} ${c + r},${c} ${c},${c + r} ${c - r},${c}" fill="${colour}"/>`;
  }
}

/** `hex` mixed with near-white: a soft backdrop in the product's colour (flat: gradients encode 5x slower). */
function tint(hex: string, amount: number): string {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16);
    return Math.round(value * amount + 248 * (1 - amount))
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

function svgFor(product: Looks, view: 0 | 1): string {
  const [main, accent] = view === 0 ? product.palette : [product.palette[1], product.palette[0]];
  const size = IMAGE_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" fill="${tint(accent, 0.18)}"/>
  <ellipse cx="${size / 2}" cy="${size * 0.82}" rx="${size * 0.28}" ry="${size * 0.04}" fill="#000" fill-opacity="0.12"/>
  ${shapeSvg(product.shape, main, view === 0 ? 1 : 1.25)}
  ${shapeSvg(product.shape, accent, view === 0 ? 0.35 : 0.5)}
</svg>`;
}

async function render(product: Looks, view: 0 | 1, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.tmp`;
  await sharp(Buffer.from(svgFor(product, view)))
    .webp({ quality: 82, effort: 2 })
    .toFile(partial);
  renameSync(partial, file);
}

/**
 * Writes every missing image, a few at a time; `rendered` is called after each with the count done and the
 * count to do.
 */
export async function renderImages(
  products: SeedProduct[],
  mediaDir: string,
  rendered: (done: number, total: number) => void = () => {},
): Promise<void> {
  mkdirSync(path.join(mediaDir, "products", "seed"), { recursive: true });
  const missing = new Map<string, () => Promise<void>>();
  for (const product of products) {
    imagePaths(product).forEach((relative, view) => {
      const file = path.join(mediaDir, relative);
      if (!missing.has(file) && !existsSync(file)) missing.set(file, () => render(product, view as 0 | 1, file));
    });
  }
  const jobs = [...missing.values()];
  let done = 0;
  const workers = Array.from({ length: 4 }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      await job();
      rendered(++done, missing.size);
    }
  });
  await Promise.all(workers);
}
