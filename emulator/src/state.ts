/** Everything one emulator instance remembers: config, the request log, faults, gateways and the cache. */
import type { EmulatorConfig, Fault, GatewaySettings, LogEntry } from "./types.ts";
import type { Out } from "./errors.ts";

export const DEFAULT_API_TOKEN = "emulator-token-0123456789abcdef0123456789";
export const EXAMPLE_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

type ArmedFault = { fault: Fault; seen: number };
type Gateway = Required<Omit<GatewaySettings, "byok">> & Pick<GatewaySettings, "byok">;
type CacheEntry = { out: Out; extra: Record<string, string>; expires: number };

export class State {
  token: string;
  config: EmulatorConfig;
  entries: LogEntry[] = [];
  faults: ArmedFault[] = [];
  gateways = new Map<string, Gateway>();
  cache = new Map<string, CacheEntry>();
  onLog?: (e: LogEntry) => void;
  /** Requests answered so far (each one's log id is derived from it). */
  requestCount = 0;
  /** Keep at most this many log entries (the CLI sets one; tests keep everything). */
  logLimit = Infinity;

  constructor(config: EmulatorConfig = {}) {
    this.config = config;
    this.token = config.apiToken ?? DEFAULT_API_TOKEN;
    for (const [id, g] of Object.entries(config.gateways ?? {})) {
      // A configured gateway exists from the start. `authentication` defaults to on for `default` (as Cloudflare
      // creates it) and off for any other configured gateway.
      this.gateways.set(id, { authentication: g.authentication ?? id === "default", byokOnly: g.byokOnly ?? false, cacheTtl: g.cacheTtl ?? 0, byok: g.byok });
    }
    this.setFaults(config.faults ?? []);
  }

  setFaults(faults: Fault[]) {
    this.faults = faults.map((fault) => ({ fault, seen: 0 }));
  }

  /** Counts this request against every fault whose route matches, and returns those that hit it. */
  faultsFor(path: string): Fault[] {
    const hits: Fault[] = [];
    for (const a of this.faults) {
      if (a.fault.route !== undefined && !path.includes(a.fault.route)) continue;
      a.seen++;
      const first = a.fault.nth ?? 1;
      const times = a.fault.times ?? 1;
      if (a.seen >= first && a.seen < first + times) hits.push(a.fault);
    }
    return hits;
  }

  /** Gateways that exist: configured ones (on every account) and per-account `default`s created on first use. */
  private created = new Map<string, Gateway>();

  /**
   * The gateway `id` of account `acct`. A configured gateway exists on every account; `default` is created (per
   * account, authentication on) when `authenticated` is true, as Cloudflare does on the first authenticated request.
   */
  gateway(acct: string, id: string, authenticated: boolean): Gateway | undefined {
    const configured = this.gateways.get(id);
    if (configured) return configured;
    const key = `${acct.toLowerCase()}/${id}`;
    let g = this.created.get(key);
    if (!g && id === "default" && authenticated) {
      g = { authentication: true, byokOnly: false, cacheTtl: 0 };
      this.created.set(key, g);
    }
    return g;
  }

  record(e: LogEntry) {
    this.entries.push(e);
    if (this.entries.length > this.logLimit) this.entries.splice(0, this.entries.length - this.logLimit);
    this.onLog?.(e);
  }
}
