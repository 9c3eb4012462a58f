import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { NotReplicatedError, runReplicatedScript } from "./durable";

// A Redis of its own, first without a replica (a shard whose master was lost, its replica now serving alone),
// then with one. The suite's Redis has none: the app sends no WAIT to it (REDIS_WAIT_REPLICAS=0).

const INCR = "return redis.call('INCR', KEYS[1])";
const replication = { replicas: 1, waitTimeoutMs: 200 };

let master: ThrowawayRedis;
let replica: ThrowawayRedis;
let client: Redis;
let replicaClient: Redis;

beforeAll(async () => {
  [master, replica] = await Promise.all([ThrowawayRedis.start("cache"), ThrowawayRedis.start("cache")]);
  client = new Redis(master.url);
  replicaClient = new Redis(replica.url);
});

afterAll(async () => {
  client.disconnect();
  replicaClient.disconnect();
  await Promise.all([master.destroy(), replica.destroy()]);
});

/** What the master ran (INFO commandstats): how many WAIT and ROLE commands. */
async function commands(): Promise<{ wait: number; role: number }> {
  const stats = await client.info("commandstats");
  const calls = (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  return { wait: calls("wait"), role: calls("role") };
}

/** The WAIT and ROLE commands the master ran during `work`, and its result. */
async function sent<T>(work: () => Promise<T>): Promise<{ result: T; wait: number; role: number }> {
  const before = await commands();
  const result = await work();
  const after = await commands();
  return { result, wait: after.wait - before.wait, role: after.role - before.role };
}

const write = () => runReplicatedScript(client, replication, INCR, ["durable:count"]);

describe("a durable write on a master with fewer replicas than it must reach", () => {
  it("waits once, then sends no WAIT that could not be met, until a replica joins", async () => {
    // The first write waits for the replica it cannot have, then learns (ROLE) that the master has none.
    expect(await sent(write)).toEqual({ result: 1, wait: 1, role: 1 });

    // The next ones are acknowledged from the one copy without a WAIT: none holds the connection.
    for (let i = 2; i <= 6; i++) expect(await sent(write)).toEqual({ result: i, wait: 0, role: 1 });

    // A replica joins, and acknowledges writes (until its first acknowledgement the master sends it nothing:
    // a WAIT then times out, and a write would be refused, as one to a lagging replica).
    await client.config("SET", "repl-diskless-sync-delay", "0");
    await replicaClient.replicaof("127.0.0.1", master.port);
    const probe = new Redis(master.url);
    const acknowledges = async () => (await probe.set("durable:probe", "1"), (await probe.wait(1, 100)) === 1);
    await waitFor(acknowledges, 10_000, "the replica to join").finally(() => probe.disconnect());

    // The next write sees it (ROLE) and waits for it: the replica has the write.
    expect(await sent(write)).toEqual({ result: 7, wait: 1, role: 1 });
    expect(await replicaClient.get("durable:count")).toBe("7");

    // From then on every write waits for the replica, and asks no ROLE.
    expect(await sent(write)).toEqual({ result: 8, wait: 1, role: 0 });

    // A replica attached but not answering: refused (the caller answers 503), as before.
    replica.pause();
    try {
      await expect(write()).rejects.toBeInstanceOf(NotReplicatedError);
    } finally {
      replica.resume();
    }
  });
});
