import http from "node:http";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";
import { waitFor } from "@/tests/support/wait";

// SIGTERM to a standalone server (a rolling restart): the request in flight is answered, new connections are
// refused, background work stops, and PostgreSQL and Redis are closed before the process exits.
let app: AppServer | undefined;
afterAll(() => app?.kill());

/** Sends a GET and resolves `sent` once its bytes are on an accepted connection; `answer` with the reply. */
function slowRequest(origin: string, ms: number) {
  let sent!: () => void;
  const written = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.get(
      `${origin}/api/test-support/slow?ms=${ms}`,
      { agent: false, headers: { authorization: `Bearer ${process.env.TEST_SUPPORT_TOKEN}` } },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.on("finish", sent);
  });
  return { written, answer };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });

describe("SIGTERM", () => {
  it("finishes the request in flight, refuses new connections, then closes its clients and exits", async () => {
    const port = await freePort();
    app = await AppServer.start("the instance to stop", port, {}, undefined, { captureOutput: true });
    const inFlight = slowRequest(app.origin, 2_000);
    await inFlight.written;
    app.signal("SIGTERM");
    await waitFor(() => refused(port), 5_000, "new connections to be refused");
    // Still in flight: the clients are not closed yet.
    expect(app.output).not.toContain("clients closed");
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ sleptMs: 2_000 });
    expect(await app.exited).toBe(143);
    const lines = app.output.split("\n");
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at("background work stopped")).toBeGreaterThanOrEqual(0);
    expect(at("PostgreSQL and Redis clients closed")).toBeGreaterThan(at("background work stopped"));
    expect(app.output).not.toMatch(/did not stop|did not close|failed to/);
  });
});
