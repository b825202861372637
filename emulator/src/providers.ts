/**
 * The emulated upstream providers: which credential reaches them (precedence: request key, BYOK, Unified Billing) and
 * what they accept. A provider accepts a key only if it looks like a real key of that provider (see KEY_SHAPES) and is
 * neither the Cloudflare API token nor a placeholder such as CF_TEMP_TOKEN.
 */
import { anthropicError, gatewayError, googleError, openaiError, openrouterError, restError, type Out } from "./errors.ts";
import type { Model } from "./model-ids.ts";
import type { State } from "./state.ts";
import type { Credential, StoredKeys, UpstreamCall } from "./types.ts";

/** What a provider key must look like (documented in emulator/README.md). */
export const KEY_SHAPES: Record<string, RegExp> = {
  openai: /^sk-(?!ant-|or-)[A-Za-z0-9_-]{20,}$/,
  anthropic: /^sk-ant-[A-Za-z0-9_-]{20,}$/,
  openrouter: /^sk-or-[A-Za-z0-9_-]{20,}$/,
  "google-ai-studio": /^AIza[0-9A-Za-z_-]{30,}$/,
  grok: /^xai-[A-Za-z0-9_-]{20,}$/,
  groq: /^gsk_[A-Za-z0-9_-]{20,}$/,
  deepseek: /^sk-[A-Za-z0-9_-]{20,}$/,
};
const GENERIC_KEY = /^[A-Za-z0-9_.-]{20,}$/;
export const PLACEHOLDER = "CF_TEMP_TOKEN";

/** The header each provider reads its key from. */
export function authHeaderOf(provider: string): "authorization" | "x-api-key" | "x-goog-api-key" {
  return provider === "anthropic" ? "x-api-key" : provider === "google-ai-studio" ? "x-goog-api-key" : "authorization";
}

const bearer = (v: string | undefined) => (v === undefined ? undefined : v.replace(/^bearer\s+/i, ""));

/** The provider key a request carries, if any, read the way that provider reads it. */
export function requestKey(provider: string, headers: Record<string, string>, query: Record<string, string> = {}): string | undefined {
  if (provider === "anthropic") return headers["x-api-key"] ?? bearer(headers.authorization);
  if (provider === "google-ai-studio") return headers["x-goog-api-key"] ?? query.key ?? bearer(headers.authorization);
  return bearer(headers.authorization);
}


export function keyAccepted(provider: string, key: string | undefined, state: State): boolean {
  if (!key || key.includes(PLACEHOLDER) || key === state.token) return false;
  return (KEY_SHAPES[provider] ?? GENERIC_KEY).test(key);
}

function mask(key: string): string {
  return key.length <= 8 ? "****" : `${key.slice(0, 3)}${"*".repeat(Math.min(key.length - 7, 20))}${key.slice(-4)}`;
}

/** The 401 (Google: 400/403) each provider answers when the key is missing or not accepted. */
export function rejection(provider: string, key: string | undefined): Out {
  switch (provider) {
    case "workers-ai":
      return restError(401, 10000, "Authentication error");
    case "anthropic":
      return anthropicError(401, "authentication_error", key ? "invalid x-api-key" : "x-api-key header is required");
    case "openrouter":
      return openrouterError(401, "No cookie auth credentials found");
    case "google-ai-studio":
      return key
        ? googleError(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT")
        : googleError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.", "PERMISSION_DENIED");
    default:
      return key
        ? openaiError(401, `Incorrect API key provided: ${mask(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", "invalid_api_key")
        : openaiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", null);
  }
}

const DROP = /^(cf-aig-|host$|content-length$|connection$|accept-encoding$|transfer-encoding$|keep-alive$)/;
const UNIFIED_KEY = "cf-unified-billing";

export type CredentialRequest = {
  provider: string;
  /** The headers that would travel upstream: the request's (or the merged universal step's), names lower-cased. */
  headers: Record<string, string>;
  query?: Record<string, string>;
  /** The REST host never forwards request headers as provider credentials (its Authorization is the Cloudflare token). */
  restHost?: boolean;
  /** Provider-native and universal calls honour `cf-aig-byok-alias`. */
  allowAlias?: boolean;
  /** compat: the OpenAI-style `Authorization: Bearer <provider key>` goes to the provider in its own header. */
  translateAuth?: boolean;
  byokOnly: boolean;
  /** Keys stored in the gateway the call goes through (looked up before the config's keys for every gateway). */
  gatewayByok?: StoredKeys;
  model?: Model;
  body: unknown;
  step?: number;
};

/**
 * Resolves the credential (request key forwarded unchanged > BYOK > Unified Billing), records the upstream call in
 * `upstream`, and returns the provider's rejection when the key is not accepted. The returned `call` can have its
 * status updated by the caller.
 */
export function callProvider(state: State, upstream: UpstreamCall[], r: CredentialRequest): { ok: true; call: UpstreamCall } | { ok: false; out: Out; call?: UpstreamCall } {
  const sent: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (!DROP.test(k) && !(r.restHost && k === "authorization")) sent[k] = v;
  const authHeader = authHeaderOf(r.provider);
  let credential: Credential;
  let key: string | undefined;
  if (r.provider === "workers-ai") {
    // Workers AI takes the Cloudflare API token in Authorization; cf-aig-authorization is not passed on to it.
    credential = "cloudflare";
    key = r.restHost ? state.token : bearer(r.headers.authorization);
    if (r.restHost) sent.authorization = `Bearer ${state.token}`;
  } else if (!r.restHost && requestKey(r.provider, r.headers, r.query) !== undefined) {
    // 1. The request's own provider key is forwarded unchanged, even a placeholder. Only the header(s) this provider
    //    reads count (ASSUMED: an Anthropic x-api-key does not stop an OpenAI step from using BYOK / Unified Billing).
    credential = "request";
    key = requestKey(r.provider, r.headers, r.query);
    if (r.translateAuth && authHeader !== "authorization" && r.headers.authorization !== undefined && key !== undefined) {
      delete sent.authorization;
      sent[authHeader] = key;
    }
  } else {
    const alias = (r.allowAlias && r.headers["cf-aig-byok-alias"]) || "default";
    const stored = r.gatewayByok?.[r.provider]?.[alias] ?? state.config.byok?.[r.provider]?.[alias];
    if (stored) {
      // 2. A stored BYOK key.
      credential = "byok";
      key = stored;
    } else if (alias !== "default") {
      return { ok: false, out: gatewayError(400, 2024, `No stored key for provider ${r.provider} under BYOK alias "${alias}".`) }; // ASSUMED code
    } else if (r.byokOnly) {
      return { ok: false, out: gatewayError(400, 2022, `This request requires provider credentials (byok_only gateway or cf-aig-no-wholesale: true), and none were sent or stored for ${r.provider}.`) }; // ASSUMED code
    } else if (r.model?.billing === "byok-only") {
      return { ok: false, out: gatewayError(402, 2021, `${r.model.id} is only available with your own provider key (BYOK).`) };
    } else {
      // 3. Unified Billing: Cloudflare's own credentials.
      credential = "unified";
      key = UNIFIED_KEY;
    }
    sent[authHeader] = authHeader === "authorization" ? `Bearer ${key}` : key;
  }
  const call: UpstreamCall = { provider: r.provider, headers: sent, body: r.body, status: 200, credential, ...(r.step !== undefined ? { step: r.step } : {}) };
  upstream.push(call);
  const accepted = r.provider === "workers-ai" ? key === state.token : credential === "unified" || keyAccepted(r.provider, key, state);
  if (!accepted) {
    const out = rejection(r.provider, key);
    call.status = out.status;
    return { ok: false, out, call };
  }
  return { ok: true, call };
}
