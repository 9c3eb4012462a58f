import { Random } from "./random";
import {
  ACTIVITIES,
  ADJECTIVES,
  CATEGORIES,
  CLOSERS,
  COLOURS,
  MATERIALS,
  QUALITIES,
  type CategorySpec,
} from "./vocabulary";

/** Generates the seeded catalog as plain data: the same `count` gives the same catalog, byte for byte. */

export interface SeedVariant {
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  stock: number;
  position: number;
}

export interface SeedProduct {
  slug: string;
  name: string;
  description: string;
  categorySlug: string;
  shape: CategorySpec["shape"];
  featured: boolean;
  optionNames: string[];
  variants: SeedVariant[];
  /** Hex colours for its two images. */
  palette: [string, string];
  createdAt: Date;
}

const SEED = 20261126;
const NEWEST = Date.UTC(2026, 10, 1);

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Up to 6 variants over at most two of the category's options. */
function variantsFor(random: Random, spec: CategorySpec, slug: string, basePrice: number, soldOut: boolean) {
  const optionNames = Object.keys(spec.options);
  const [first, second] = optionNames;
  const firstValues = random.sample(spec.options[first], second ? random.int(1, 3) : random.int(1, 6));
  const secondValues = second
    ? random.sample(spec.options[second], random.int(1, Math.floor(6 / firstValues.length)))
    : [""];
  const variants: SeedVariant[] = [];
  for (const a of firstValues) {
    for (const b of secondValues) {
      const position = variants.length;
      const options = second ? { [first]: a, [second]: b } : { [first]: a };
      // Later variants cost a little more; some 50 cents more again: every price is distinct within the product.
      const priceCents = basePrice + position * 100 + (random.chance(0.3) ? 50 : 0);
      const stock = soldOut || random.chance(0.15) ? 0 : random.int(1, 60);
      const code = Object.values(options).map((value) => slugify(value).toUpperCase());
      variants.push({ sku: `${slug.toUpperCase()}-${code.join("-")}`, options, priceCents, stock, position });
    }
  }
  return { optionNames: second ? [first, second] : [first], variants };
}

export function generateCatalog(count: number): SeedProduct[] {
  const random = new Random(SEED);
  const usedSlugs = new Map<string, number>();
  const products: SeedProduct[] = [];
  for (let index = 0; index < count; index++) {
    const spec = CATEGORIES[index % CATEGORIES.length];
    const baseName = `${random.pick(ADJECTIVES)} ${random.pick(MATERIALS)} ${random.pick(spec.nouns)}`;
    const seen = usedSlugs.get(slugify(baseName)) ?? 0;
    usedSlugs.set(slugify(baseName), seen + 1);
    const name = seen === 0 ? baseName : `${baseName} No. ${seen + 1}`;
    const slug = slugify(name);
    const basePrice = Math.round(random.int(spec.price[0], spec.price[1]) / 100) * 100 - 1;
    const soldOut = random.chance(0.08);
    const { optionNames, variants } = variantsFor(random, spec, slug, basePrice, soldOut);
    const [activity, otherActivity] = random.sample(ACTIVITIES, 2);
    const description =
      `The ${name} ${random.pick(QUALITIES)}. Made for ${activity}, ${otherActivity} and long weekends away. ` +
      random.pick(CLOSERS);
    const colour = variants[0].options.Colour ?? random.pick(Object.keys(COLOURS));
    products.push({
      slug,
      name,
      description,
      categorySlug: spec.slug,
      shape: spec.shape,
      featured: index % 17 === 3,
      optionNames,
      variants,
      palette: [COLOURS[colour], COLOURS[random.pick(Object.keys(COLOURS))]],
      createdAt: new Date(NEWEST - index * 3_600_000),
    });
  }
  return products;
}

export { CATEGORIES };
