import Redis, { Cluster } from "ioredis";

/**
 * Keys matching a pattern, node by node: SCAN only sees one node of a cluster, and never KEYS (it blocks
 * the server). For maintenance (reseeding, test resets) and tests, not for request paths.
 */

/** Each page of matching keys, as SCAN returns them, on every node. */
async function* scanPages(client: Redis | Cluster, pattern: string): AsyncGenerator<string[]> {
  const nodes = client instanceof Cluster ? client.nodes("master") : [client];
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== "0");
  }
}

/** Deletes every key matching `pattern`; answers how many there were. */
export async function deleteByPattern(client: Redis | Cluster, pattern: string): Promise<number> {
  let deleted = 0;
  for await (const keys of scanPages(client, pattern)) {
    // One UNLINK per key: keys of different hash slots cannot share a command on a cluster.
    deleted += (await Promise.all(keys.map((key) => client.unlink(key)))).reduce((a, b) => a + b, 0);
  }
  return deleted;
}

/** Every key matching `pattern`. */
export async function scanKeys(client: Redis | Cluster, pattern: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of scanPages(client, pattern)) found.push(...keys);
  return found;
}
