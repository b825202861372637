/**
 * The emulator in the browser: the emulator core's own fetch handler (`createEmulator` in emulator/src/app.ts, the
 * Hono app the Node emulator serves), answering requests made in the sample sandbox without any network. One fresh
 * state per run, so a run's cache, gateways and faults are its own, as each run in the examples tests has its own
 * account.
 */
import "./zod-jitless.ts";
import { createEmulator as createCore } from "../../emulator/src/app.ts";
import type { EmulatorConfig } from "../../emulator/src/types.ts";

/** The two hosts whose requests the emulator answers (their paths do not collide, as in the Node emulator). */
export const EMULATED_HOSTS = ["api.cloudflare.com", "gateway.ai.cloudflare.com"];

export function createEmulator(config: EmulatorConfig): (request: Request) => Promise<Response> {
  return createCore(config).fetch;
}
