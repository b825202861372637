/**
 * The emulator's contract in one place: route shapes, id patterns, limits, error codes and error messages. Routes,
 * middleware and the tests import these instead of repeating them.
 */

import { clip } from "./util.ts";

/** Request bodies over this many bytes get 413 (code 3006). */
export const BODY_LIMIT = 10 * 1024 * 1024;
/** Request-log entries keep bodies up to this many bytes of JSON whole; larger ones are kept as a bounded summary. */
export const LOG_BODY_LIMIT = 64 * 1024;
/** A cut string in a logged summary keeps this many characters. */
export const LOG_STRING_LIMIT = 1024;
/** At most this many upstream calls are kept in one request's log entry. */
export const LOG_UPSTREAM_LIMIT = 50;

/** An account id: 32 hex characters. */
export const ACCOUNT_ID = /^[0-9a-f]{32}$/i;
/** `Bearer <token>` in any letter case. */
export const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Hono route patterns of the two hosts. */
export const REST_BASE = "/client/v4/accounts/:account/ai";
export const GATEWAY_BASE = "/v1/:account/:gateway";
/** The same bases for one account (and gateway). */
export const restBase = (account: string) => `/client/v4/accounts/${account}/ai`;
export const gatewayBase = (account: string, gateway: string) => `/v1/${account}/${gateway}`;

/** REST routes, relative to REST_BASE. */
export const REST_ROUTES = {
  modelsSearch: "/models/search",
  run: "/run",
  runModel: "/run/*",
  chatCompletions: "/v1/chat/completions",
  responses: "/v1/responses",
  embeddings: "/v1/embeddings",
  messages: "/v1/messages",
} as const;

/** Gateway routes, relative to GATEWAY_BASE ("" is the universal endpoint). */
export const GATEWAY_ROUTES = {
  universal: "",
  compatChat: "/compat/chat/completions",
  compatModels: "/compat/models",
  providerNative: "/:provider/*",
} as const;

/** Error codes. Those marked ASSUMED are not in the sources. */
export const CODES = {
  authentication: 10000,
  couldNotRoute: 7003,
  invalidHeaders: 6003,
  invalidAuthorizationFormat: 6111,
  tooLarge: 3006,
  invalidInput: 5004, // ASSUMED for invalid bodies on the REST host
  noSuchModel: 5007,
  modelDeprecated: 5028,
  deprecatedWarning: 5029, // ASSUMED
  gatewayNotFound: 2001,
  gatewayNoRoute: 2002, // ASSUMED
  gatewayInjected429: 2003, // ASSUMED
  gatewayBadRequest: 2005, // ASSUMED
  gatewayUnauthorized: 2009,
  byokOnlyModel: 2021,
  credentialsRequired: 2022, // ASSUMED
  unknownByokAlias: 2024, // ASSUMED
  injectedCapacity: 3040, // ASSUMED for injected faults
  emulatorError: 3043, // ASSUMED
} as const;

/** Error messages (functions where the message names the request's own values; those values are clipped). */
export const MESSAGES = {
  authentication: "Authentication error",
  invalidHeaders: "Invalid request headers",
  invalidAuthorizationFormat: "Invalid format for Authorization header",
  couldNotRoute: (path: string) => `Could not route to ${clipped(path)}, perhaps your object identifier is invalid?`,
  tooLarge: "Request is too large: the body is over the 10 MB limit.",
  emptyBody: "The request body is empty: send a JSON object with Content-Type: application/json.",
  unsupportedContentType: (ct: string) => `Unsupported Content-Type "${clipped(ct)}": send the body as JSON with Content-Type: application/json.`,
  malformedJson: (detail: string) => `Malformed JSON in request body: ${clipped(detail)}`,
  gatewayUnauthorized: "Unauthorized",
  gatewayNotFound: (id: string) => `Gateway "${clipped(id)}" does not exist on this account.`,
  restGatewayNotFound: (id: string) => `Gateway "${clipped(id)}" does not exist on this account. Create it first, or leave out cf-aig-gateway-id to use "default".`,
  notAnAccount: (id: string) => `"${clipped(id)}" is not an account id: use your 32-character account id.`,
  noSuchModel: (id: string) => `No such model ${clipped(id)} or task`,
  modelNotFound: (id: string) => `model not found: ${clipped(id)}`,
  /** ai-gateway-provider's compat base is /v1/compat; gateways on the REST host see this for a @cf/ model without a gateway id. */
  needsGatewayHeader: (where: string, id: string) =>
    `Workers AI models on ${where} need the cf-aig-gateway-id header (for example "cf-aig-gateway-id: default"). Or call POST /ai/run/${clipped(id)}, which needs no gateway.`,
  /** section 11 [I] (models.dev PR #4715): Unified Billing on /compat for google-ai-studio/ and grok/ ids. */
  spendLimitUnresolved: "Forbidden: Model or provider could not be resolved for spend-limit enforcement",
  /** section 11 [I]: deepseek/ on /compat with Unified Billing: DeepSeek's own answer. */
  deepseekAuthFails: "Unauthorized: Authentication Fails",
  /** cloudflare/ai #548 (open): /ai/v1/responses with Unified Billing on an authenticated gateway. */
  responsesUnifiedBilling: (id: string) =>
    `Payment required: ${clipped(id)} on /ai/v1/responses could not be paid with Unified Billing on an authenticated gateway (an open Cloudflare bug, cloudflare/ai #548). Use /ai/v1/chat/completions, or store a provider key (BYOK).`,
  jsonModeStreaming: "JSON Mode does not support streaming: leave out \"stream\" when you send response_format.",
} as const;

/** What of a request's own values an error message repeats: at most 200 characters. */
export const clipped = clip;
