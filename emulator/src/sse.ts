/** The one place the emulator writes Server-Sent Events. */

export type SSEEvent = { event?: string; data: string };

/** A stream's events, produced one at a time as the client reads (never built whole before the first byte). */
export type Events = Iterable<SSEEvent>;

/** Events from a generator function; re-iterable (each iteration runs the generator again), so a cache can replay it. */
export function lazyEvents(generator: () => Generator<SSEEvent>): Events {
  return { [Symbol.iterator]: generator };
}

const encoder = new TextEncoder();

export function encodeEvent(e: SSEEvent): string {
  return `${e.event ? `event: ${e.event}\n` : ""}data: ${e.data}\n\n`;
}

export const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" } as const;

/** Lets other work (other requests, socket writes) run between events: setImmediate in Node, a 0 ms timer elsewhere. */
export const yieldToEventLoop: () => Promise<void> =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === "function"
    ? () => new Promise((r) => (globalThis as unknown as { setImmediate(cb: () => void): void }).setImmediate(r))
    : () => new Promise((r) => setTimeout(r, 0));

/**
 * A byte stream of `events`, one event per read (pulled only when the client is ready for more), yielding to the event
 * loop between events so clients see them arrive separately. `cutAfter` (fault injection) drops the connection after
 * that many events via `onCut` (which destroys the socket), so the client sees a truncated body with no `[DONE]`;
 * without `onCut` the stream errors instead. A client that goes away cancels the stream; nothing else happens.
 */
export function sseStream(events: Events, opts: { cutAfter?: number; onCut?: () => void } = {}): ReadableStream<Uint8Array> {
  const it = events[Symbol.iterator]();
  let i = 0;
  let finished = false;
  let cancelled: () => void = () => {};
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (i > 0) await yieldToEventLoop();
        if (finished) return;
        if (opts.cutAfter !== undefined && i >= opts.cutAfter) {
          if (!opts.onCut) return controller.error(new Error("emulator fault: stream cut"));
          const gone = new Promise<void>((r) => (cancelled = r));
          opts.onCut();
          await gone; // the server cancels the stream once the connection has closed
          return;
        }
        const next = it.next();
        if (next.done) {
          finished = true;
          controller.close();
          return;
        }
        i++;
        controller.enqueue(encoder.encode(encodeEvent(next.value)));
      },
      cancel() {
        finished = true;
        it.return?.();
        cancelled();
      },
    },
    { highWaterMark: 0 },
  );
}
