/** The one place the emulator writes Server-Sent Events. */

export type SSEEvent = { event?: string; data: string };

const encoder = new TextEncoder();

export function encodeEvent(e: SSEEvent): string {
  return `${e.event ? `event: ${e.event}\n` : ""}data: ${e.data}\n\n`;
}

export const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" } as const;

/**
 * A byte stream of `events`, one event per read, yielding to the event loop between events so clients see them
 * arrive separately. `cutAfter` (fault injection) errors the stream after that many events, which makes the HTTP server
 * drop the connection mid-body: the client sees a truncated stream with no `[DONE]`. A client that goes away cancels the
 * stream; nothing else happens.
 */
export function sseStream(events: SSEEvent[], opts: { cutAfter?: number } = {}): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (i > 0) await new Promise((r) => setImmediate(r));
        if (opts.cutAfter !== undefined && i >= opts.cutAfter) {
          controller.error(new Error("emulator fault: stream cut"));
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
