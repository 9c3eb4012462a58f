import Redis, { Cluster } from "ioredis";

/**
 * Deletes every key matching `pattern`, node by node: SCAN only sees one node of a cluster, and never
 * KEYS (it blocks the server). For maintenance (reseeding, test resets), not for request paths.
 */
export async function deleteByPattern(client: Redis | Cluster, pattern: string): Promise<number> {
  const nodes = client instanceof Cluster ? client.nodes("master") : [client];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      // One UNLINK per key: keys of different hash slots cannot share a command on a cluster.
      if (keys.length > 0)
        deleted += (await Promise.all(keys.map((key) => client.unlink(key)))).reduce((a, b) => a + b, 0);
    } while (cursor !== "0");
  }
  return deleted;
}

/** Every key matching `pattern`, node by node (tests and maintenance, not request paths). */
export async function scanKeys(client: Redis | Cluster, pattern: string): Promise<string[]> {
  const nodes = client instanceof Cluster ? client.nodes("master") : [client];
  const found: string[] = [];
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      found.push(...keys);
    } while (cursor !== "0");
  }
  return found;
}
