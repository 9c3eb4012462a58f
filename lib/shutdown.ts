import { globalSingleton } from "./global-singleton";

/**
 * A graceful stop on SIGTERM (a rolling restart, a container stopped). Next.js' own handler stops accepting
 * connections and finishes the requests in flight (its server's `close`), then exits the process. Around
 * that, this process's own parts:
 * - at the signal, background work stops: no new round begins, and a round in progress is waited for
 *   (`onStop`);
 * - once Next.js has drained its server and asks to exit, the clients close (`onClose`: PostgreSQL, Redis),
 *   then the process exits as Next.js asked. Each step is bounded: a part that hangs is logged and left.
 */

type Task = { name: string; run: () => Promise<unknown> | unknown };

const STEP_MS = 5_000;
const parts = globalSingleton("shutdown.parts", () => ({ stop: [] as Task[], close: [] as Task[], installed: false }));

/** Background work to stop at the signal (it finishes the round in progress). */
export function onStop(name: string, run: Task["run"]): void {
  parts.stop.push({ name, run });
}

/** A client to close once the server has drained, before the process exits. */
export function onClose(name: string, run: Task["run"]): void {
  parts.close.push({ name, run });
}

async function runAll(step: string, tasks: Task[]): Promise<void> {
  await Promise.all(
    tasks.map(async ({ name, run }) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), STEP_MS)));
      try {
        const outcome = await Promise.race([Promise.resolve(run()), late]);
        if (outcome === "late") console.warn(`[brisk] shutdown: ${name} did not ${step} within ${STEP_MS} ms`);
      } catch (error) {
        console.warn(`[brisk] shutdown: ${name} failed to ${step}: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

/** Installs the SIGTERM handling, once per process (instrumentation.ts, at server start). */
export function installGracefulShutdown(): void {
  if (parts.installed) return;
  parts.installed = true;
  process.once("SIGTERM", () => {
    console.log("[brisk] SIGTERM: no new connections; finishing the requests in flight");
    const stopped = runAll("stop", parts.stop).then(() => console.log("[brisk] background work stopped"));
    // Next.js exits once its server has drained: close the clients first, then exit as it asked.
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void stopped
        .then(() => runAll("close", parts.close))
        .then(() => console.log("[brisk] PostgreSQL and Redis clients closed; exiting"))
        .finally(() => exit(code));
    }) as typeof process.exit;
  });
}
