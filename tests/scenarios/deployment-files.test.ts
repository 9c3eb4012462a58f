import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_VARIABLES, parseEnv } from "@/lib/env";
import { STANDALONE_DIR } from "@/scripts/build/standalone";
import { INSTANCE_MALLOC_ARENA_MAX, INSTANCE_NODE_OPTIONS } from "@/scripts/run/standalone-server";
import { freePort } from "@/tests/support/ports";
import { waitFor } from "@/tests/support/wait";

// compose.yaml, the Dockerfile and deploy/haproxy.cfg, as far as a machine without a container runtime can
// try them: the files agree with each other and with the app, HAProxy accepts its configuration, and the
// runtime image's one folder (.next/standalone, as `npm run build` leaves it) serves the store on its own.

interface Service {
  build?: { target: string };
  environment?: Record<string, string>;
  volumes?: string[];
}
const compose = parse(readFileSync("compose.yaml", "utf8")) as { services: Record<string, Service> };
const dockerfile = readFileSync("Dockerfile", "utf8");

/** What compose makes of `${NAME:?message}` (a value the operator must give: a sample here) and `${NAME:-default}`. */
function interpolate(value: string): string {
  return value
    .replace(/\$\{([A-Z_]+):\?[^}]*\}/g, (_, name: string) => SAMPLES[name] ?? `sample-${name.toLowerCase()}`)
    .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");
}
const SAMPLES: Record<string, string> = { AUTH_SECRET: "s".repeat(40), POSTGRES_PASSWORD: "pw" };

/** The `ENV` settings of one stage of the Dockerfile. */
function stageEnv(stage: string): Record<string, string> {
  const start = dockerfile.search(new RegExp(`^FROM .* AS ${stage}$`, "m"));
  const end = dockerfile.indexOf("\nFROM ", start + 1);
  const text = dockerfile.slice(start, end < 0 ? undefined : end).replace(/\\\n\s*/g, " ");
  const settings = [...text.matchAll(/^ENV (.+)$/gm)].flatMap((line) => [
    ...line[1].matchAll(/([A-Z_]+)=("[^"]*"|\S+)/g),
  ]);
  return Object.fromEntries(settings.map(([, name, value]) => [name, value.replace(/^"(.*)"$/, "$1")]));
}

describe("compose.yaml", () => {
  it("gives the app and its setup only variables the app reads, which parse, and the cluster it runs", () => {
    const { app, setup } = compose.services;
    expect(setup.environment).toEqual(app.environment);
    const given = Object.fromEntries(
      Object.entries(app.environment!).map(([name, value]) => [name, interpolate(value)]),
    );
    expect(Object.keys(given).filter((name) => !ENV_VARIABLES.includes(name))).toEqual([]);
    const parsed = parseEnv(given);
    expect(parsed.TRUST_PROXY_HOPS).toBe(1);
    const redisNodes = Object.keys(compose.services).filter((name) => /^redis-\d+$/.test(name));
    expect(redisNodes).toHaveLength(6);
    expect(given.REDIS_CLUSTER_NODES.split(",")).toEqual(redisNodes.map((name) => `${name}:6379`));
  });

  it("builds stages the Dockerfile has, and mounts the HAProxy configuration that is here", () => {
    for (const name of ["app", "setup"]) {
      const target = compose.services[name].build!.target;
      expect(dockerfile, name).toMatch(new RegExp(`^FROM .* AS ${target}$`, "m"));
    }
    const [config] = compose.services.haproxy.volumes![0].split(":");
    expect(readFileSync(config, "utf8")).toContain("option httpchk GET /api/health");
  });
});

describe("deploy/haproxy.cfg", () => {
  it("is a configuration HAProxy accepts", () => {
    const check = spawnSync("haproxy", ["-c", "-f", "deploy/haproxy.cfg"], { encoding: "utf8" });
    expect(check.stdout + check.stderr).toContain("Configuration file is valid");
    expect(check.status).toBe(0);
  });
});

describe("the Dockerfile's runtime stage", () => {
  let server: ChildProcess | undefined;
  const copy = mkdtempSync(path.join(os.tmpdir(), "brisk-image-"));
  afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(copy, { recursive: true, force: true });
  });

  it("ships only .next/standalone, and that folder alone serves the store with the stage's settings", async () => {
    expect(dockerfile).toMatch(/^COPY --from=build .*\/app\/\.next\/standalone \.\/$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "server\.js"\]$/m);
    cpSync(STANDALONE_DIR, copy, { recursive: true });
    const port = await freePort();
    const settings = stageEnv("runtime");
    expect(settings).toMatchObject({ NODE_ENV: "production", HOSTNAME: "0.0.0.0", HOST: "0.0.0.0" });
    // The image sizes V8's heap as every other way the store runs does.
    expect(settings.NODE_OPTIONS).toBe(INSTANCE_NODE_OPTIONS);
    expect(settings.MALLOC_ARENA_MAX).toBe(INSTANCE_MALLOC_ARENA_MAX);
    // The test's database, Redis and media folder stand in for the compose services and the volume.
    server = spawn(process.execPath, ["server.js"], {
      cwd: copy,
      env: { ...process.env, ...settings, PORT: String(port), MEDIA_DIR: process.env.MEDIA_DIR },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.ok ?? false, 60_000, "the copy");
    const home = await fetch(`${origin}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const script = html.match(/\/_next\/static\/[^"]+\.js/)![0];
    expect((await fetch(`${origin}${script}`)).status).toBe(200);
    const image = decodeURIComponent(html.match(/%2Fmedia%2Fproducts%2F[^"&]+\.webp/)![0]);
    expect((await fetch(`${origin}${image}`)).headers.get("content-type")).toBe("image/webp");
    expect((await fetch(`${origin}/icon.svg`)).status).toBe(200); // public/
  });
});
