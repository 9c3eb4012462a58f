import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { writeFileSync } from "node:fs";
import path from "node:path";

/**
 * HAProxy in front of the app instances of `npm run start:cluster`: round robin, each instance checked on
 * /api/health every second (down after 2 failures, up after 2 successes), a request that finds an instance
 * closing (connection refused, or closed without an answer) sent again to another, and `X-Served-By` naming
 * the instance that answered. It adds `X-Forwarded-For`: the apps run with TRUST_PROXY_HOPS=1.
 */

export interface Backend {
  name: string;
  port: number;
}

export function haproxyConfig(options: { port: number; backends: Backend[]; socket: string }): string {
  return [
    "global",
    "  maxconn 4096",
    `  stats socket ${options.socket} mode 600 level admin`,
    "",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-keep-alive 10s",
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response",
    "",
    "frontend brisk",
    `  bind 127.0.0.1:${options.port}`,
    "  option forwardfor",
    "  default_backend app",
    "",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    "  default-server inter 1s fall 2 rise 2",
    "  http-response set-header X-Served-By %[srv_name]",
    ...options.backends.map((backend) => `  server ${backend.name} 127.0.0.1:${backend.port} check`),
    "",
  ].join("\n");
}

/** Writes the configuration into `dir` and starts HAProxy in the foreground (a child of this process). */
export function startHaproxy(
  dir: string,
  options: { port: number; backends: Backend[] },
): { child: ChildProcess; socket: string } {
  const socket = path.join(dir, "haproxy.sock");
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ ...options, socket }));
  const child = spawn("haproxy", ["-W", "-db", "-f", config], { stdio: ["ignore", "ignore", "inherit"] });
  return { child, socket };
}

/** One command on HAProxy's stats socket, and its answer. */
function command(socket: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket);
    let text = "";
    connection.on("connect", () => connection.write(`${line}\n`));
    connection.on("data", (chunk) => (text += chunk));
    connection.on("error", reject);
    connection.on("end", () => resolve(text));
  });
}

/**
 * Takes a backend out of rotation (`drain`: no new requests, those in flight finish) or puts it back
 * (`ready`: served again once its health checks pass).
 */
export async function setBackendState(socket: string, name: string, state: "drain" | "ready"): Promise<void> {
  const answer = await command(socket, `set server app/${name} state ${state}`);
  if (answer.trim() !== "") throw new Error(`HAProxy: ${answer.trim()}`);
}

/** Each backend's state as HAProxy sees it ("UP", "DOWN", "DRAIN", …), from its stats socket. */
export async function backendStates(socket: string): Promise<Record<string, string>> {
  const lines = (await command(socket, "show stat")).trim().split("\n");
  const header = lines[0].replace(/^# /, "").split(",");
  const [proxy, server, status] = ["pxname", "svname", "status"].map((name) => header.indexOf(name));
  const states: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const fields = line.split(",");
    if (fields[proxy] === "app" && !["FRONTEND", "BACKEND"].includes(fields[server])) {
      states[fields[server]] = fields[status].split(" ")[0];
    }
  }
  return states;
}
