/**
 * A local, contract-faithful emulator of Cloudflare's AI REST API (api.cloudflare.com/client/v4/accounts/{id}/ai/…)
 * and the deprecated AI Gateway host (gateway.ai.cloudflare.com/v1/{id}/{gateway}/…). See emulator/README.md.
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.ts";
import { State, DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "./state.ts";
import type { EmulatorConfig, Fault, LogEntry } from "./types.ts";

export { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID };
export type { EmulatorConfig, Fault, LogEntry, UpstreamCall, Credential, GatewaySettings, Host } from "./types.ts";
export { redactHeaders, redactQuery } from "./util.ts";
export { createApp, createEmulator } from "./app.ts";
export { BODY_LIMIT, CODES, MESSAGES } from "./contract.ts";
export { KEY_SHAPES, PLACEHOLDER } from "./providers.ts";

export type Emulator = {
  url: string;
  log: { entries: LogEntry[]; clear(): void };
  setFaults(faults: Fault[]): void;
  stop(): Promise<void>;
};

/**
 * Starts the emulator on 127.0.0.1 (`port` 0 or absent: a free port). `onLog` sees each finished request; `logLimit`
 * caps how many entries `log.entries` keeps (default: all).
 */
export function startEmulator(opts: { port?: number; config?: EmulatorConfig; onLog?: (entry: LogEntry) => void; logLimit?: number } = {}): Promise<Emulator> {
  const state = new State(opts.config);
  state.onLog = opts.onLog;
  if (opts.logLimit !== undefined) state.logLimit = opts.logLimit;
  const app = createApp(state);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: "127.0.0.1", overrideGlobalObjects: false }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        log: {
          get entries() {
            return state.entries;
          },
          clear() {
            state.entries.length = 0;
          },
        },
        setFaults: (faults) => state.setFaults(faults),
        stop: () =>
          new Promise<void>((done) => {
            const s = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void };
            s.close(() => done());
            s.closeAllConnections?.();
          }),
      });
    });
    server.on("error", reject);
  });
}
