/** The hash slot of a key, as Redis Cluster computes it (a dependency of ioredis, without types of its own). */
declare module "cluster-key-slot" {
  export default function calculateSlot(key: string | Buffer): number;
}
