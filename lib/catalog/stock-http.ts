import { jsonError } from "../http/errors";
import { readStockLevels, stockFeed } from "./stock-events";

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;
/** How soon a browser reconnects after the stream broke (EventSource's `retry`). */
const RETRY_MS = 2_000;
/** How long a browser turned away (too many streams here) waits before asking again. */
const FULL_RETRY_SECONDS = 30;

const encoder = new TextEncoder();
const stockEvent = (variants: [number, number][]) =>
  encoder.encode(`event: stock\ndata: ${JSON.stringify({ variants })}\n\n`);

/**
 * A product's stock as a Server-Sent Events response (app/api/stock/[productId]): the levels now, then every
 * change this instance hears of; after a resync (Redis was lost and is back) the levels read again. Ends
 * when the browser goes (`signal`, or the stream cancelled). 404 for no such product; 503 when this
 * instance serves as many streams as it may.
 */
export async function openStockStream(productId: number, signal: AbortSignal): Promise<Response> {
  const [now] = await readStockLevels([productId]);
  if (!now) return jsonError("not_found", "No such product.");
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let stopped = false;
  const send = (chunk: Uint8Array) => {
    if (stopped) return;
    try {
      controller.enqueue(chunk);
    } catch {
      stop(); // closed under us: the browser went
    }
  };
  const unlisten = stockFeed().listen(productId, (change) => {
    if (change.kind === "message") return send(stockEvent(change.message.variants));
    readStockLevels([productId])
      .then(([levels]) => levels && send(stockEvent(levels.variants)))
      .catch((error: Error) => console.warn(`[brisk] stock of ${productId} not read again: ${error.message}`));
  });
  if (!unlisten) {
    return jsonError("unavailable", "Live stock is busy on this server; showing the stock as loaded.", {
      headers: { "Retry-After": String(FULL_RETRY_SECONDS) },
    });
  }
  const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), HEARTBEAT_MS);
  function stop() {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unlisten!();
    try {
      controller.close();
    } catch {
      // already closed
    }
  }
  signal.addEventListener("abort", stop, { once: true });
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      send(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      send(stockEvent(now.variants));
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
