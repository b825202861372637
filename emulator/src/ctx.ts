/** What every route handler gets: the request as read once (headers lower-cased, body text), and where to record. */
import type { State } from "./state.ts";
import type { Host, StoredKeys, UpstreamCall } from "./types.ts";

/** The gateway a request goes through, as the route sees it. */
export type Gw = { id: string; cacheTtl: number; byokOnly: boolean; authentication: boolean; byok?: StoredKeys };

export type Ctx = {
  state: State;
  host: Host;
  /** The account id from the path. */
  account: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The body as text (undefined for GET and for bodies that were not read). */
  raw?: string;
  /** The parsed JSON body, once a route has parsed it (the log reuses it instead of parsing again). */
  json?: unknown;
  /** The gateway, once the gateway middleware (gateway host) or a REST route has resolved it. */
  gw?: Gw;
  upstream: UpstreamCall[];
  logId: string;
  cacheStatus: "HIT" | "MISS";
  /** Response headers a route adds (e.g. cf-aig-step). */
  extra: Record<string, string>;
  /** Stable per request content: seeds the ids in responses. */
  seed: string;
  signal: AbortSignal;
  /** Fault injection: drop the connection after this many SSE events. */
  cutAfter?: number;
};
