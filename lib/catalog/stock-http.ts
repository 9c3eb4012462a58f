import { jsonError, unavailable } from "../http/errors";
import type { StockLevels } from "./stock-events";
import { stockWatch } from "./stock-watch";

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;
/** How soon a browser reconnects after the stream broke (EventSource's `retry`). */
const RETRY_MS = 2_000;
/** How long the first read of the levels may take before the answer is 503. */
const FIRST_READ_MS = 5_000;
/** How long a browser turned away (too many streams here) waits before asking again. */
const FULL_RETRY_SECONDS = 30;

const encoder = new TextEncoder();
const stockEvent = (variants: StockLevels) => encoder.encode(`event: stock\ndata: ${JSON.stringify({ variants })}\n\n`);

/**
 * A product's stock as a Server-Sent Events response (app/api/stock/[productId]): the levels read once the
 * stream was watching, then the levels after every change (stock-watch.ts). The stream's place is taken
 * before anything is read and given back when the browser goes (`signal`, or the stream cancelled), even
 * while the first read runs. 404 for no such product; 503 when this instance serves as many as it may, or
 * when the first read takes over 5 s (PostgreSQL unreachable).
 */
export async function openStockStream(productId: number, signal: AbortSignal): Promise<Response> {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const waiting: Uint8Array[] = [];
  let stopped = false;
  let first: ((levels: StockLevels | null) => void) | null = null;
  const firstLevels = new Promise<StockLevels | null>((resolve) => (first = resolve));

  const send = (chunk: Uint8Array) => {
    if (stopped) return;
    if (!controller) return void waiting.push(chunk);
    try {
      controller.enqueue(chunk);
    } catch {
      stop(); // closed under us: the browser went
    }
  };
  const unwatch = stockWatch().watch(productId, (levels) => {
    if (first) {
      first(levels);
      first = null;
    } else if (levels) send(stockEvent(levels));
  });
  if (!unwatch) {
    return jsonError("unavailable", "Live stock is busy on this server; showing the stock as loaded.", {
      headers: { "Retry-After": String(FULL_RETRY_SECONDS) },
    });
  }
  const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), HEARTBEAT_MS);
  function stop() {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unwatch!();
    first?.(null);
    try {
      controller?.close();
    } catch {
      // already closed
    }
  }
  signal.addEventListener("abort", stop, { once: true });
  if (signal.aborted) stop();

  // PostgreSQL unreachable: the watch reads again later, but this request does not wait for it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const levels = await Promise.race([
    firstLevels,
    new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), FIRST_READ_MS))),
  ]);
  clearTimeout(timer);
  if (levels === "late") {
    stop();
    return unavailable("Live stock is briefly unavailable; showing the stock as loaded.");
  }
  if (!levels || stopped) {
    stop();
    return jsonError("not_found", "No such product.");
  }
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      send(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      send(stockEvent(levels));
      for (const chunk of waiting.splice(0)) send(chunk);
    },
    cancel: stop,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
