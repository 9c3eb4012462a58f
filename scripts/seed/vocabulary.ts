/**
 * The words the seeded catalog is made of. Descriptions use activity words ("climbing", "hiking") that
 * never appear in product names, so a search test can find a product by its description alone.
 */

export const COLOURS: Record<string, string> = {
  Black: "#1f2328",
  White: "#f4f1ea",
  Navy: "#1d3557",
  Olive: "#6b7045",
  Rust: "#b4532a",
  Sand: "#d8c3a5",
  Sky: "#6fa8dc",
  Plum: "#6d3b62",
  Forest: "#2f5d3a",
  Coral: "#e76f51",
};

export interface CategorySpec {
  slug: string;
  name: string;
  description: string;
  nouns: string[];
  /** Option name → the values a product may offer (each product uses a subset). */
  options: Record<string, string[]>;
  /** Base price range in cents. */
  price: [number, number];
  shape: "circle" | "square" | "triangle" | "diamond";
}

const SIZES = ["XS", "S", "M", "L", "XL"];

export const CATEGORIES: CategorySpec[] = [
  {
    slug: "tees",
    name: "Tees",
    description: "Soft everyday T-shirts.",
    nouns: ["Tee", "Pocket Tee", "Crew Tee"],
    options: { Size: SIZES, Colour: ["Black", "White", "Navy", "Sand", "Coral"] },
    price: [1800, 3800],
    shape: "square",
  },
  {
    slug: "hoodies",
    name: "Hoodies",
    description: "Warm layers with hoods.",
    nouns: ["Hoodie", "Zip Hoodie", "Pullover"],
    options: { Size: SIZES, Colour: ["Black", "Olive", "Plum", "Sky"] },
    price: [4800, 8900],
    shape: "square",
  },
  {
    slug: "jackets",
    name: "Jackets",
    description: "Shells, puffers and rain jackets.",
    nouns: ["Shell Jacket", "Puffer", "Rain Jacket", "Windbreaker"],
    options: { Size: SIZES, Colour: ["Black", "Navy", "Rust", "Forest"] },
    price: [8900, 24900],
    shape: "triangle",
  },
  {
    slug: "trousers",
    name: "Trousers",
    description: "Chinos, joggers and cargos.",
    nouns: ["Chino", "Jogger", "Cargo Trouser"],
    options: { Waist: ["28", "30", "32", "34", "36"], Colour: ["Black", "Sand", "Olive", "Navy"] },
    price: [5400, 11900],
    shape: "square",
  },
  {
    slug: "footwear",
    name: "Footwear",
    description: "Sneakers, boots and trail shoes.",
    nouns: ["Sneaker", "Trail Shoe", "Loafer", "Boot"],
    options: { Size: ["7", "8", "9", "10", "11", "12"], Colour: ["Black", "White", "Rust"] },
    price: [6900, 18900],
    shape: "diamond",
  },
  {
    slug: "bags",
    name: "Bags",
    description: "Backpacks, totes and duffels.",
    nouns: ["Backpack", "Tote", "Duffel", "Sling"],
    options: { Colour: ["Black", "Navy", "Olive", "Sand", "Rust"] },
    price: [3900, 15900],
    shape: "circle",
  },
  {
    slug: "hats",
    name: "Hats",
    description: "Caps and beanies.",
    nouns: ["Cap", "Beanie", "Bucket Hat"],
    options: { Colour: ["Black", "Navy", "Coral", "Forest", "Sand"] },
    price: [1900, 4200],
    shape: "circle",
  },
  {
    slug: "socks",
    name: "Socks",
    description: "Three-packs of good socks.",
    nouns: ["Sock Pack", "Crew Sock Pack", "Ankle Sock Pack"],
    options: { Size: ["S/M", "L/XL"], Colour: ["Black", "White", "Sky"] },
    price: [1200, 2800],
    shape: "diamond",
  },
  {
    slug: "kitchen",
    name: "Kitchen",
    description: "Mugs, bottles and cups.",
    nouns: ["Mug", "Water Bottle", "Travel Cup"],
    options: { Capacity: ["350 ml", "500 ml", "750 ml"], Colour: ["White", "Black", "Sky", "Coral"] },
    price: [1400, 4600],
    shape: "circle",
  },
  {
    slug: "home",
    name: "Home",
    description: "Blankets, cushions and candles.",
    nouns: ["Throw Blanket", "Cushion", "Candle"],
    options: { Colour: ["Sand", "Forest", "Plum", "White"] },
    price: [2200, 12900],
    shape: "square",
  },
  {
    slug: "stationery",
    name: "Stationery",
    description: "Notebooks, planners and pens.",
    nouns: ["Notebook", "Planner", "Pen Set"],
    options: { Format: ["Lined", "Dotted", "Blank"], Colour: ["Black", "Navy", "Rust"] },
    price: [900, 3400],
    shape: "triangle",
  },
  {
    slug: "accessories",
    name: "Accessories",
    description: "Wallets, belts and sunglasses.",
    nouns: ["Wallet", "Belt", "Sunglasses", "Watch Strap"],
    options: { Colour: ["Black", "Sand", "Rust", "Navy"] },
    price: [2400, 9900],
    shape: "diamond",
  },
];

export const ADJECTIVES = [
  "Everyday",
  "Classic",
  "Heritage",
  "Summit",
  "Harbor",
  "Meridian",
  "Northbound",
  "Coastline",
  "Alpine",
  "Urban",
  "Field",
  "Weekend",
  "Nomad",
  "Canyon",
  "Prairie",
  "Atlas",
  "Juniper",
  "Granite",
  "Lumen",
  "Ember",
];

export const MATERIALS = ["Cotton", "Linen", "Merino", "Canvas", "Recycled", "Organic", "Waxed", "Featherweight"];

export const QUALITIES = [
  "is cut generously and finished by hand",
  "is the piece we reach for first",
  "keeps its shape wash after wash",
  "is light enough to forget you packed it",
  "ages beautifully with use",
  "is built to run for years without fuss",
];

/** Activities: words that appear only in descriptions (never in names). */
export const ACTIVITIES = [
  "climbing",
  "hiking",
  "commuting",
  "camping",
  "gardening",
  "cooking",
  "travelling",
  "sailing",
  "cycling",
  "running errands",
];

export const CLOSERS = [
  "Designed in small batches.",
  "Backed by a two-year guarantee.",
  "Packed without plastic.",
  "Repairable, and we will repair it.",
];
