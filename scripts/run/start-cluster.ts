import { startProductionShape } from "../cluster/production-shape";
import { ensurePackages } from "../services/packages";
import { log } from "../services/shell";
import { buildIfChanged } from "./build-if-changed";
import { ensureLocalAuthEnv } from "./local-auth-env";
import { prepareStore } from "./prepare";
import { localOrigin, mailEnv, serverEnv } from "./serve";

/**
 * `npm run start:cluster`: the production shape on this machine (scripts/cluster/production-shape.ts):
 * INSTANCES standalone servers (3 unless set) behind HAProxy on CLUSTER_PORT (3200 unless set), every Redis role
 * on a Redis Cluster of three masters with a replica each. Ctrl+C stops everything it started.
 */
const instances = Number(process.env.INSTANCES ?? 3);
const port = Number(process.env.CLUSTER_PORT ?? 3200);

async function main(): Promise<void> {
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) throw new Error("INSTANCES: 1 to 16");
  // AUTH_SECRET as `npm start` keeps it (.env.local); the instances get the load balancer's AUTH_URL.
  ensureLocalAuthEnv(localOrigin());
  await prepareStore();
  ensurePackages(["haproxy"]);
  buildIfChanged();
  const env = { ...serverEnv(process.env), NEXT_TELEMETRY_DISABLED: "1", ...mailEnv() } as Record<string, string>;
  const shape = await startProductionShape({ instances, port, env, log });
  log(`Brisk is up at ${shape.origin}: ${instances} instances behind HAProxy, Redis Cluster at ${shape.nodes}`);
  log("each answer names the instance that served it in X-Served-By; Ctrl+C stops everything started here");
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log("stopping the instances, HAProxy and the Redis Cluster");
      shape.stop().then(
        () => process.exit(0),
        (error: Error) => {
          console.error(`[brisk] ${error.message}`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: Error) => {
  console.error(`[brisk] ${error.message}`);
  process.exit(1);
});
