import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the app reads, parsed once with zod. The defaults are the project-local
 * services that `scripts/services` starts, so a fresh clone runs with no configuration at all.
 */

export const LOCAL_POSTGRES_PORT = 55432;
export const LOCAL_REDIS_PORT = 56379;
export const LOCAL_DATABASE_URL = `postgresql://brisk@127.0.0.1:${LOCAL_POSTGRES_PORT}/brisk`;
export const LOCAL_REDIS_URL = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
export const LOCAL_ORIGIN = "http://localhost:3000";
/** Relative to the folder the process starts in. */
export const DEFAULT_MEDIA_DIR = ".data/media";

const postgresUrl = z
  .string()
  .url()
  .refine((url) => /^postgres(ql)?:\/\//.test(url), "must be a postgresql:// URL");
const redisUrl = z
  .string()
  .url()
  .refine((url) => /^rediss?:\/\//.test(url), "must be a redis:// or rediss:// URL");
const clusterNodes = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, "host:port pairs separated by commas");
const milliseconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const variables = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.default(LOCAL_DATABASE_URL),
  /** Durable state: sessions, carts, rate limits. AOF on, `noeviction`. */
  REDIS_URL: redisUrl.default(LOCAL_REDIS_URL),
  /** The cache's Redis; the same server as REDIS_URL unless set (production: its own, with LRU). */
  CACHE_REDIS_URL: redisUrl.optional(),
  /**
   * State on a Redis Cluster instead: some of its nodes, `host:port,host:port` (the rest are discovered);
   * a user and password in REDIS_URL are used for them.
   */
  REDIS_CLUSTER_NODES: clusterNodes.optional(),
  /** The cache on a Redis Cluster (default: REDIS_CLUSTER_NODES, unless CACHE_REDIS_URL is set). */
  CACHE_REDIS_CLUSTER_NODES: clusterNodes.optional(),
  /**
   * Replicas a cart or session write must reach before it is acknowledged (WAIT), so that losing a master
   * loses none: default 1 on a Redis Cluster, else 0 (a single Redis has none to wait for).
   */
  REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).max(5).optional(),
  /** How long such a write waits for its replicas before it answers 503 "briefly unavailable" instead. */
  REDIS_WAIT_TIMEOUT_MS: milliseconds(100, 1_000),
  /** Prefix of every Redis key the app writes (a namespace: tests use their own). */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+:$/, "lower-case letters, digits, '_' or '-', ending in ':'")
    .default("brisk:"),
  /** `off` sends every read straight to PostgreSQL (for benchmarks and debugging). */
  CACHE_MODE: z.enum(["on", "off"]).default("on"),
  /** `off` renders every catalog page per request instead of serving it from the route cache (benchmarks). */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  /** How many entries each process keeps in the cache's in-memory L1 (0 turns it off). */
  CACHE_L1_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(5_000),
  /**
   * While the cache's Redis is unreachable, how long (ms) a value known current may still be served from
   * this process's memory instead of loading it again (the staleness bound during an outage); 0: never.
   */
  CACHE_OUTAGE_SERVE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** A Redis command slower than this fails (and the cache answers from PostgreSQL); a busy event loop is not counted. */
  REDIS_COMMAND_TIMEOUT_MS: milliseconds(250, 10_000),
  /** How long the first command waits for a connection that is not ready yet. */
  REDIS_READY_TIMEOUT_MS: milliseconds(1_000, 30_000),
  /** Where seeded product images live; served at /media. */
  MEDIA_DIR: z.string().min(1).default(DEFAULT_MEDIA_DIR),
  /** The site's public origin: links in mail are built from it, never from the Host header. */
  AUTH_URL: z.string().url().default(LOCAL_ORIGIN),
  /** Signs Auth.js cookies and hashes sign-in codes. Local runs generate one into .env.local; never commit it. */
  AUTH_SECRET: z.string().min(32, "at least 32 characters (e.g. `openssl rand -base64 33`)").optional(),
  /** SMTP for sign-in mail (nodemailer URL, e.g. smtp://user:pass@host:587). */
  EMAIL_SERVER: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default("Brisk <no-reply@brisk.local>"),
  /** `1`: without EMAIL_SERVER, sign-in mail goes to the dev mailbox, and only while HOST is loopback. */
  AUTH_DEV_MAILBOX: z.enum(["0", "1"]).default("0"),
  /** GitHub OAuth, offered when both are set. */
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  /** How many proxies in front of the app append to x-forwarded-for; 0: the header is not trusted at all. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Sign-in mails the whole site sends per minute, before answering 429 (a flood of sign-in requests). */
  SIGNIN_GLOBAL_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** How often each instance cancels pending orders older than 15 minutes (and gives their stock back). */
  ORDER_SWEEP_INTERVAL_MS: milliseconds(60_000, 3_600_000),
  /** How often each instance sends the mails of back-in-stock alerts whose variant has stock again. */
  BACK_IN_STOCK_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  /** How long a worker's claim on an alert holds before another instance may send its mail instead. */
  BACK_IN_STOCK_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** Live stock streams (product pages open) one instance serves at once; past it, pages fall back to polling. */
  LIVE_STOCK_MAX_STREAMS: z.coerce.number().int().min(0).max(100_000).default(1_000),
  /** Other origins allowed to send state-changing requests (comma-separated), besides the site's own. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /**
   * Bearer token for /api/metrics and /api/health's details (`Authorization: Bearer <token>`). Unset: both
   * answer only requests sent straight from this machine (loopback, no proxy); everyone else gets 403.
   */
  METRICS_TOKEN: z
    .string()
    .min(32, "at least 32 characters (e.g. `openssl rand -hex 32`)")
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .optional(),
  /**
   * Turns the test-support API on (app/api/test-support: read captured mail, claim a product with known
   * stock), for the bearer of this token only. Unset: every test-support path is a 404. Test servers only:
   * never set it in production (`npm start` passes it on only with `--test-support`).
   */
  TEST_SUPPORT_TOKEN: z
    .string()
    .min(32, "at least 32 characters (e.g. `openssl rand -hex 32`)")
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .optional(),
  /** The address `npm start` / `npm run dev` bind to: loopback unless set (the dev mailbox needs loopback). */
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Benchmarks only: serve /api/bench/floor(/<slug>), a constant JSON body of BENCH_FLOOR_BYTES (the Next.js floor). */
  BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
  BENCH_FLOOR_BYTES: z.coerce.number().int().min(2).max(1_000_000).default(2_000),
  /** How many products `npm run db:seed` creates. */
  SEED_PRODUCTS: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Tests: their own database (default: `brisk_test` on DATABASE_URL's server) and Redis (default: REDIS_URL). */
  TEST_DATABASE_URL: postgresUrl.optional(),
  TEST_REDIS_URL: redisUrl.optional(),
});

const schema = variables.transform((raw) => ({
  ...raw,
  CACHE_REDIS_URL: raw.CACHE_REDIS_URL ?? raw.REDIS_URL,
  CACHE_REDIS_CLUSTER_NODES:
    raw.CACHE_REDIS_CLUSTER_NODES ?? (raw.CACHE_REDIS_URL ? undefined : raw.REDIS_CLUSTER_NODES),
  REDIS_WAIT_REPLICAS: raw.REDIS_WAIT_REPLICAS ?? (raw.REDIS_CLUSTER_NODES ? 1 : 0),
  MEDIA_DIR: path.resolve(raw.MEDIA_DIR),
}));

/** The name of every variable Brisk reads (the README's table lists each one). */
export const ENV_VARIABLES = Object.keys(variables.shape);

export type Env = z.infer<typeof schema>;

/** Parses a set of variables; throws one readable error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in shells and .env files.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

let parsed: Env | undefined;

/**
 * The environment of this process, parsed on first use (not at import): a script or test may set a
 * variable before anything reads it, whatever it imported first.
 */
export const env: Env = new Proxy({} as Env, {
  get: (_target, name) => (parsed ??= parseEnv(process.env))[name as keyof Env],
});
