/** The one place the emulator writes Server-Sent Events. */

export type SSEEvent = { event?: string; data: string };

const encoder = new TextEncoder();

export function encodeEvent(e: SSEEvent): string {
  return `${e.event ? `event: ${e.event}\n` : ""}data: ${e.data}\n\n`;
}

export const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" } as const;

/**
 * A byte stream of `events`, one event per read, yielding to the event loop between events so clients see them
 * arrive separately. `cutAfter` (fault injection) drops the connection after that many events via `onCut` (which
 * destroys the socket), so the client sees a truncated body with no `[DONE]`; without `onCut` the stream errors
 * instead. A client that goes away cancels the stream; nothing else happens.
 */
export function sseStream(events: SSEEvent[], opts: { cutAfter?: number; onCut?: () => void } = {}): ReadableStream<Uint8Array> {
  let i = 0;
  let cancelled: () => void = () => {};
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (i > 0) await new Promise((r) => setImmediate(r));
        if (opts.cutAfter !== undefined && i >= opts.cutAfter) {
          if (!opts.onCut) return controller.error(new Error("emulator fault: stream cut"));
          const gone = new Promise<void>((r) => (cancelled = r));
          opts.onCut();
          await gone; // the server cancels the stream once the connection has closed
          return;
        }
        if (i >= events.length) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(encodeEvent(events[i++])));
      },
      cancel() {
        i = events.length;
        cancelled();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Parses an SSE body back into events (used by the emulator's tests and bench). */
export function parseSSE(text: string): SSEEvent[] {
  return text
    .split(/\n\n/)
    .filter((b) => b.trim())
    .map((block) => {
      const e: SSEEvent = { data: "" };
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) e.event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      e.data = data.join("\n");
      return e;
    });
}
