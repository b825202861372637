/** Shapes shared with the examples tests (see the team contract). Fields may be added, never changed. */

export type Host = "api" | "gateway";

export type Credential = "request" | "byok" | "unified" | "cloudflare";

/** What one emulated upstream provider received while the emulator answered a request. */
export type UpstreamCall = {
  provider: string; // "openai" | "anthropic" | "google-ai-studio" | "openrouter" | "workers-ai" | ...
  headers: Record<string, string>; // names lower-cased
  body: unknown;
  status: number;
  credential: Credential;
  /** Added: the universal-endpoint step index this call belonged to, when there was one. */
  step?: number;
};

/** One request the emulator answered. */
export type LogEntry = {
  host: Host;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>; // names lower-cased
  body: unknown;
  status: number;
  upstream: UpstreamCall[];
  /** Added: the `cf-aig-log-id` the response carried. */
  logId?: string;
  /** Added: `HIT` when the response came from the gateway cache. */
  cacheStatus?: "HIT" | "MISS";
};

export type Fault = {
  route?: string; // substring of the path
  nth?: number; // 1-based: only the nth matching request
  times?: number; // how many matching requests it hits; default 1
} & (
  | { kind: "status"; status: 429 | 500 | 503; retryAfter?: number }
  | { kind: "slow-first-byte"; ms: number }
  | { kind: "cut-stream"; afterEvents: number }
);

/** Provider keys stored in a gateway (BYOK), by provider and alias. */
export type StoredKeys = Record<string /* provider */, Record<string /* alias */, string>>;

/** A configured gateway. `byok`: keys stored in this gateway only (a stored key belongs to its gateway, facts section 11). */
export type GatewaySettings = { authentication?: boolean; byokOnly?: boolean; cacheTtl?: number; byok?: StoredKeys };

export type EmulatorConfig = {
  apiToken?: string;
  /** Keys stored in every gateway (kept for configs written before keys were per gateway). */
  byok?: StoredKeys;
  gateways?: Record<string, GatewaySettings>;
  faults?: Fault[];
  /**
   * Known Cloudflare bugs the emulator reproduces; each defaults to on. Set one to false for when it is fixed.
   * `responsesUnifiedBilling402`: cloudflare/ai #548, /ai/v1/responses answers 402 when Unified Billing pays on an
   * authenticated gateway.
   */
  bugs?: { responsesUnifiedBilling402?: boolean };
};
