import { grouped, machine } from "../report";
import type { Cost } from "./meter";
import { MIX, perPageView, plan, TARGET_UTILIZATION, type Action, type Capacity, type Plan } from "./model";

const RATES = [1_000, 10_000, 100_000];
/** The cores of one large database server: PostgreSQL's primary grows only up to one machine. */
const ONE_SERVER_CORES = 64;

function costRow(action: string, cost: Cost, count?: number): string {
  return `| ${action} | ${count === undefined ? "–" : count} | ${grouped(cost.cpuMs, 2)} | ${grouped(cost.redisCommands, 1)} | ${grouped(cost.redisBytes / 1024, 1)} | ${grouped(cost.postgresQueries, 2)} |`;
}

function planRow(p: Plan): string {
  return `| ${grouped(p.pageViewsPerSecond)} | ${grouped(p.appCores)} | ${grouped(p.redisCommandsPerSecond)} | ${grouped(p.redisShards)} | ${grouped(p.redisMegabytesPerSecond, 1)} | ${grouped(p.postgresQueriesPerSecond)} | ${grouped(p.postgresCores)} | ${grouped(p.ordersPerSecond)} |`;
}

/** Which limit the plans meet first, in words. */
function firstLimit(plans: Plan[], costs: Record<Action, Cost>): string {
  const top = plans.at(-1)!;
  const database = plans.find((p) => p.postgresCores > ONE_SERVER_CORES);
  const lines = [
    `- The app's CPU is the largest resource at every rate: ${grouped(top.appCores)} cores at ${grouped(top.pageViewsPerSecond)} page views/s, against ${grouped(top.redisShards)} Redis cores and ${grouped(top.postgresCores)} PostgreSQL cores. The app is stateless and scales out: more instances behind the load balancer.`,
    `- Redis scales out by shards (every multi-key operation stays in one hash slot). Its bytes come before its commands: pages read from the route cache are ${grouped(costs["product page, from the route cache in Redis"].redisBytes / 1024)} KB each, so at ${grouped(top.pageViewsPerSecond)} page views/s each of ${grouped(top.redisShards)} shards moves about ${grouped(top.redisMegabytesPerSecond / top.redisShards)} MB/s (${grouped((top.redisMegabytesPerSecond / top.redisShards) * 8)} Mbit/s): a 1 Gbit/s network is the next limit there, before the shard's core.`,
  ];
  lines.push(
    database
      ? `- **The first hard limit is PostgreSQL**: at ${grouped(database.pageViewsPerSecond)} page views/s it needs ${grouped(database.postgresCores)} cores, more than one server of ${ONE_SERVER_CORES}. Its primary does not scale out; reads would have to move to replicas (not built).`
      : `- **PostgreSQL stays within one server** up to ${grouped(top.pageViewsPerSecond)} page views/s (${grouped(top.postgresCores)} of ${ONE_SERVER_CORES} cores by this count), because the route cache and \`lib/cache\` answer most reads. It is still the first hard limit: its primary does not scale out, and every order reaches it (${grouped(top.ordersPerSecond)} orders/s, each a transaction of about ${grouped(costs.checkout.postgresQueries)} statements that locks the stock rows it takes; orders for one popular variant wait for each other). The count treats a statement as a one-row read; orders write, so the primary's share grows faster than its column here. Before it, the bill is the app's cores.`,
  );
  return lines.join("\n");
}

export function capacityReport(input: {
  startedAt: Date;
  products: number;
  costs: Record<Action, Cost>;
  counts: Record<Action, number>;
  capacity: Capacity;
}): string {
  const { costs, counts, capacity } = input;
  const view = perPageView(costs);
  const plans = RATES.map((rate) => plan(rate, view, capacity));
  const actions = Object.keys(MIX) as Action[];
  return `# Capacity: what a page view costs, and what a rate of them needs

Written by \`npm run bench:capacity\` (scripts/bench/capacity/) on ${input.startedAt.toISOString()}. To change
the text, change scripts/bench/capacity/report.ts; to change the assumptions, model.ts.

## Machine
${machine()}

## What each action costs
One instance of the built app (its standalone server) over a catalog of ${grouped(input.products)} products;
its state and cache Redis each a server of the run's own; PostgreSQL with \`pg_stat_statements\`. Each
action runs the listed number of times, 8 shoppers side by side (as under load: one at a time would count
the costs of an idle process too), and its cost is the difference of the counters before and after,
divided by that number:
- app CPU: the instance's user and system time (/proc, 10 ms ticks);
- Redis: the commands both servers ran (INFO commandstats) and the bytes in and out of them (INFO stats),
  less what reading the counters costs;
- PostgreSQL: statements run in the catalog's database (pg_stat_statements).

A page view is what a browser asks the app for: the page, then the header's question (\`GET /api/shopper\`,
or \`POST /api/shopper?viewing=<slug>\` on a product page, which records the view). Images and scripts are
not counted: a CDN or the browser's cache serves them after the first visit.
- *Rendered*: the first view of a page. For a product, its data is loaded too (the cache is empty); a
  listing with a query (\`?page=2\` and on) is rendered on every view.
- *From the route cache in Redis*: a page another instance rendered (lib/page-cache), read from Redis.
- *From memory*: a page this instance served before, still in its memory (kept coherent over pub/sub).
- Add to cart: a signed-out shopper's cart in Redis. Checkout: a guest's order of five lines (the stock
  taken in PostgreSQL, the cart emptied, the confirmation mail). Sign-in: asking for a code (mail sent)
  and sending it back (the session made); reading the dev mailbox between is not counted.

| action | times | app CPU ms | Redis commands | Redis KB | PostgreSQL statements |
| --- | ---: | ---: | ---: | ---: | ---: |
${actions.map((action) => costRow(action, costs[action], counts[action])).join("\n")}

## What one core serves, measured here
- Redis: **${grouped(capacity.redisOpsPerCore)} commands/s** (\`redis-benchmark\` GET and SET, 50 connections,
  no pipelining; the lower of the two). Brisk's reads are mostly GETs and short scripts; a script costs more
  than a GET, so this is on the high side for the mix.
- PostgreSQL: **${grouped(capacity.postgresQueriesPerCore)} queries/s** per core (\`pgbench -S\`: one-row reads by key,
  8 connections, 15 s, with pgbench itself on the same two cores, so on the low side). Brisk's catalog
  queries read more rows than pgbench's.

## The model
Traffic, per page view (assumed, model.ts):

| action | share of page views |
| --- | ---: |
${actions.map((action) => `| ${action} | ${MIX[action]} |`).join("\n")}

${costRow("**one page view, on average**", view)}

Each resource is planned at ${TARGET_UTILIZATION * 100}% busy (room for peaks, a failover, garbage collection): app cores
= views/s × CPU ms ÷ 1000 ÷ ${TARGET_UTILIZATION}; Redis shards = commands/s ÷ one core's commands/s ÷ ${TARGET_UTILIZATION}
(Redis runs commands on one core: a shard is a core, and each has a replica besides); PostgreSQL cores =
statements/s ÷ one core's queries/s ÷ ${TARGET_UTILIZATION}.

| page views/s | app cores | Redis commands/s | Redis shards | Redis MB/s | PostgreSQL statements/s | PostgreSQL cores | orders/s |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${plans.map(planRow).join("\n")}

## Which limit comes first
${firstLimit(plans, costs)}

What the model leaves out: TLS and the load balancer's CPU, images (the optimizer's first encoding of
each size is expensive, then it is cached), the browser's other requests (live stock streams, prefetches),
and the hit ratios under a real catalog's skew (the mix's shares stand for them). A different mix is a change to \`MIX\` and a run of \`npm run bench:capacity\`.
`;
}
