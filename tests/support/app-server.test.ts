import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { AppServer, ServerExitedError } from "./app-server";
import { freePort } from "./ports";

// Starting a server that cannot listen fails at once, not after the minute a slow start may take.
const taken = net.createServer();
afterAll(() => taken.close());

describe("AppServer.start", () => {
  it("rejects as soon as the server exits, when its port is taken", async () => {
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
    const started = Date.now();
    await expect(AppServer.start("a server on a taken port", port, {})).rejects.toBeInstanceOf(ServerExitedError);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 45_000);
});
