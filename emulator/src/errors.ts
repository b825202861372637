/** Error bodies, each in the format of whoever emits it: the v4 API, the gateway, or an emulated provider. */
import type { Events } from "./sse.ts";

/** What a handler returns; app.ts turns it into a Response. */
export type Out = {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** A stream, produced lazily as the client reads. */
  events?: Events;
  binary?: { bytes: Uint8Array<ArrayBuffer>; type: string };
};

/** The api.cloudflare.com v4 envelope. */
export function restError(status: number, code: number, message: string, extra: Record<string, unknown> = {}): Out {
  return { status, json: { result: null, success: false, errors: [{ code, message, ...extra }], messages: [] } };
}

export const restAuthError = () => restError(401, 10000, "Authentication error");

/** gateway.ai.cloudflare.com errors: note the key is `error`, not `errors`. */
export function gatewayError(status: number, code: number, message: string): Out {
  return { status, json: { success: false, result: [], messages: [], error: [{ code, message }] } };
}

export function openaiError(status: number, message: string, type = "invalid_request_error", code: string | null = null, param: string | null = null): Out {
  return { status, json: { error: { message, type, param, code } } };
}

export function anthropicError(status: number, type: string, message: string): Out {
  return { status, json: { type: "error", error: { type, message } } };
}

export function googleError(status: number, message: string, statusText: string): Out {
  return { status, json: { error: { code: status, message, status: statusText } } };
}

export function openrouterError(status: number, message: string): Out {
  return { status, json: { error: { message, code: status } } };
}

/** The error format a provider's own API uses, for validation failures reported by that provider. */
export function providerError(provider: string, status: number, message: string, param: string | null = null): Out {
  switch (provider) {
    case "anthropic":
      return anthropicError(status, status === 404 ? "not_found_error" : "invalid_request_error", message);
    case "google-ai-studio":
      return googleError(status, message, status === 404 ? "NOT_FOUND" : "INVALID_ARGUMENT");
    case "openrouter":
      return openrouterError(status, message);
    case "workers-ai":
      return restError(status, status === 404 ? 7003 : 5004, message);
    default:
      return openaiError(status, message, "invalid_request_error", status === 404 ? "model_not_found" : null, param);
  }
}
