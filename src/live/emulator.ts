/**
 * The emulator in the browser: the same Hono app the Node emulator serves (emulator/src/app.ts), answering requests
 * made in the sample sandbox without any network. One fresh state per run, so a run's cache, gateways and faults are
 * its own, as each run in the examples tests has its own account.
 */
import "./zod-jitless.ts";
import { createApp } from "../../emulator/src/app.ts";
import { State, DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../../emulator/src/state.ts";
import type { EmulatorConfig } from "../../emulator/src/types.ts";

export { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID };

/** The two hosts whose requests the emulator answers (their paths do not collide, as in the Node emulator). */
export const EMULATED_HOSTS = ["api.cloudflare.com", "gateway.ai.cloudflare.com"];

export function createEmulator(config: EmulatorConfig): (request: Request) => Promise<Response> {
  const app = createApp(new State(config));
  return async (request) => app.fetch(request);
}
