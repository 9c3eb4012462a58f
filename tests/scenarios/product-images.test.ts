import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeRedisClients } from "@/lib/redis/clients";
import { signedInAdmin } from "@/tests/support/admin-client";
import { AppServer } from "@/tests/support/app-server";
import type { BrowserClient } from "@/tests/support/browser-client";
import { freePort } from "@/tests/support/ports";
import { readJson } from "@/tests/support/routes";

// A product's images from the back office on a standalone server: uploads checked by their bytes and
// re-encoded, ordered and removed, and every bad file refused with nothing stored.
let server: AppServer;
let admin: BrowserClient;
let product: { id: number; slug: string };
const run = randomUUID().slice(0, 8);
const uploads = path.join(env.MEDIA_DIR, "products/uploads");

beforeAll(async () => {
  server = await AppServer.start("product images app", await freePort(), {});
  admin = await signedInAdmin(server.origin, `images-admin-${run}@example.com`);
  const category = await db.category.findFirstOrThrow();
  product = await db.product.create({
    data: {
      slug: `images-${run}`,
      name: "Image test product",
      description: "Made by the images test.",
      categoryId: category.id,
      optionNames: [],
      minPriceCents: 1000,
      inStock: true,
      variants: { create: [{ sku: `IMAGES-${run}`, options: {}, priceCents: 1000, stock: 3 }] },
    },
    select: { id: true, slug: true },
  });
}, 90_000);

afterAll(async () => {
  await db.product.delete({ where: { id: product.id } });
  await server.stop();
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

type Image = { id: number; url: string; alt: string; width: number; height: number };
const imagesUrl = () => `/api/admin/products/${product.id}/images`;

function upload(bytes: Uint8Array, name: string, alt = "A test picture", address = imagesUrl()) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)]), name);
  form.set("alt", alt);
  return admin.fetch(address, { method: "POST", body: form });
}

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });

/** The images the store shows for the product (its API, as a shopper gets it). */
async function shownImages(): Promise<string[]> {
  const answer = await (await fetch(`${server.origin}/api/products/${product.slug}`)).json();
  return (answer.product.images as { url: string }[]).map((image) => image.url);
}

const uploadedFiles = () =>
  readdirSync(uploads, { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => f.name)
    .sort();

describe("product images", () => {
  let added: Image[] = [];

  it("re-encodes an upload to WebP within 1600 px, adds it last, and the store shows it", async () => {
    const png = await picture(2000, 1000).png().toBuffer();
    const first = await upload(png, "wide.png", "A wide picture");
    expect(first.status).toBe(201);
    const jpeg = await picture(300, 300)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "secret" } } })
      .toBuffer();
    const second = await upload(jpeg, "square.JPG", "A square picture");
    expect(second.status).toBe(201);
    added = (await readJson<{ images: Image[] }>(second)).images;
    expect(added.map((image) => [image.alt, image.width, image.height])).toEqual([
      ["A wide picture", 1600, 800],
      ["A square picture", 300, 300],
    ]);
    for (const image of added) expect(image.url).toMatch(/^\/media\/products\/uploads\/[0-9a-f-]{36}\.webp$/);
    const served = await fetch(server.origin + added[1].url);
    expect(served.headers.get("content-type")).toBe("image/webp");
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([metadata.format, metadata.exif]).toEqual(["webp", undefined]); // what the browser sent is not served
    expect(await shownImages()).toEqual(added.map((image) => image.url));
    const entries = await db.auditEntry.findMany({ where: { objectType: "product", objectId: String(product.id) } });
    expect(entries.map((entry) => entry.action)).toEqual(["product.image.add", "product.image.add"]);
  });

  it("puts the images in a new order, refusing an order that is not every image once", async () => {
    const reversed = added.map((image) => image.id).reverse();
    for (const imageIds of [[reversed[0]], [...reversed, reversed[0]], [reversed[0], 999_999_999]]) {
      const refused = await admin.fetch(imagesUrl(), { method: "PUT", body: JSON.stringify({ imageIds }) });
      expect(refused.status).toBe(400);
    }
    expect(await shownImages()).toEqual(added.map((image) => image.url));
    const ordered = await admin.fetch(imagesUrl(), { method: "PUT", body: JSON.stringify({ imageIds: reversed }) });
    expect(ordered.status).toBe(200);
    expect(await shownImages()).toEqual([added[1].url, added[0].url]);
  });

  it("removes an image and its file", async () => {
    const removed = await admin.fetch(`${imagesUrl()}/${added[0].id}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(await shownImages()).toEqual([added[1].url]);
    expect(uploadedFiles()).not.toContain(path.basename(added[0].url));
    expect((await fetch(server.origin + added[0].url)).status).toBe(404);
    const again = await admin.fetch(`${imagesUrl()}/${added[0].id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
  });

  it("refuses files that are not images, lie about their type, are too big or broken, or have no product, storing nothing", async () => {
    const before = { files: uploadedFiles(), shown: await shownImages() };
    const png = await picture(50, 50).png().toBuffer();
    const jpeg = await picture(50, 50).jpeg().toBuffer();
    const cases: [Promise<Response>, number, RegExp][] = [
      [upload(Buffer.from("not a picture at all"), "notes.png"), 400, /not a JPEG, PNG or WebP image/],
      [upload(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "logo.svg"), 400, /not a JPEG, PNG or WebP/],
      [upload(jpeg, "photo.png"), 400, /a JPEG image, but its name ends in "\.png"/],
      [upload(png, "photo"), 400, /a PNG image, but its name ends in ""/],
      [upload(png.subarray(0, 40), "cut.png"), 400, /cannot be read/],
      [upload(Buffer.concat([png, Buffer.alloc(8 * 1024 * 1024)]), "huge.png"), 413, /at most/],
      [upload(png, "fine.png", " "), 400, /^alt:/],
      [upload(png, "fine.png", "Fine", "/api/admin/products/999999999/images"), 404, /no product/],
      [
        admin.fetch(imagesUrl(), { method: "POST", body: png, headers: { "content-type": "image/png" } }),
        415,
        /multipart/,
      ],
    ];
    for (const [sent, status, message] of cases) {
      const response = await sent;
      expect(response.status, String(message)).toBe(status);
      expect((await readJson<{ error: { message: string } }>(response)).error.message).toMatch(message);
    }
    expect({ files: uploadedFiles(), shown: await shownImages() }).toEqual(before);
  });
});
