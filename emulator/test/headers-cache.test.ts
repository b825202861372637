import { describe, expect, it } from "vitest";
import { LLAMA, TOKEN, auth, curl, ensureDefaultGateway, gwAuth, gwBase, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator({ gateways: { cached: { authentication: false, cacheTtl: 120 } } });
const hi = [{ role: "user", content: "Hi" }];
const compat = (headers: Record<string, string>, content = "Hi") => post(`${gwBase(emu())}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content }] }, { ...gwAuth(), ...headers });

describe("cf-aig-* request headers are validated (400 status and wording assumed)", () => {
  it.each([
    ["cf-aig-cache-ttl", "59", "from 60"],
    ["cf-aig-cache-ttl", "2592001", "one month"],
    ["cf-aig-cache-ttl", "abc", "whole number"],
    ["cf-cache-ttl", "10", "from 60"],
    ["cf-aig-max-attempts", "6", "1 to 5"],
    ["cf-aig-retry-delay", "5001", "0 to 5000"],
    ["cf-aig-backoff", "random", "constant, linear, exponential"],
    ["cf-aig-metadata", "[1,2]", "JSON object"],
    ["cf-aig-metadata", "{not json", "not valid JSON"],
    ["cf-aig-skip-cache", "yes", '"true" or "false"'],
    ["cf-aig-request-timeout", "-5", "positive"],
  ])("%s: %s gets 400", async (name, value, words) => {
    await ensureDefaultGateway(emu());
    const r = await compat({ [name]: value });
    expect(r.status).toBe(400);
    expect(r.json.error[0].message).toContain(name);
    expect(r.json.error[0].message).toContain(words);
  });

  it.each([
    ["cf-aig-cache-ttl", "60"],
    ["cf-aig-cache-ttl", "2592000"],
    ["cf-aig-max-attempts", "5"],
    ["cf-aig-retry-delay", "5000"],
    ["cf-aig-backoff", "exponential"],
    ["cf-aig-metadata", '{"user":"42","team":"docs"}'],
    ["cf-aig-collect-log", "false"],
    ["cf-aig-event-id", "evt-1"],
  ])("%s: %s is accepted", async (name, value) => {
    await ensureDefaultGateway(emu());
    const r = await compat({ [name]: value, "cf-aig-skip-cache": "true" });
    expect(r.status).toBe(200);
  });

  it("the REST host validates them too, in its envelope", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi" }, { ...auth(), "cf-aig-max-attempts": "10" });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("cf-aig-max-attempts");
  });

  it("header names match case-insensitively (CF-AIG-BACKOFF via curl)", async () => {
    await ensureDefaultGateway(emu());
    const r = await curl(["-X", "POST", `${gwBase(emu())}/compat/chat/completions`, "-H", `cf-aig-authorization: Bearer ${TOKEN}`, "-H", "CF-AIG-BACKOFF: sideways", "-H", "Content-Type: application/json", "-d", JSON.stringify({ model: "openai/gpt-5-mini", messages: hi })]);
    expect(r.status).toBe(400);
    expect(r.json.error[0].message).toContain("cf-aig-backoff");
  });
});

describe("cf-aig-* response headers and the cache", () => {
  it("gateway responses carry cf-aig-log-id, cf-aig-request-id and cf-aig-cache-status", async () => {
    await ensureDefaultGateway(emu());
    const r = await compat({ "cf-aig-event-id": "evt-42" }, "headers please");
    expect(r.headers.get("cf-aig-log-id")).toMatch(/^[0-9A-Z]{26}$/);
    expect(r.headers.get("cf-aig-request-id")).toBe(r.headers.get("cf-aig-log-id"));
    expect(r.headers.get("cf-aig-cache-status")).toBe("MISS");
    expect(r.headers.get("cf-aig-event-id")).toBe("evt-42");
    expect(emu().log.entries.at(-1)!.logId).toBe(r.headers.get("cf-aig-log-id"));
  });

  it("log ids differ per request and repeat in a fresh emulator, so a run prints the same ids every time", async () => {
    const { createEmulator } = await import("../src/app.ts");
    const ids = async () => {
      const fetch = createEmulator({}).fetch;
      const out: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await fetch(new Request("https://api.cloudflare.com/client/v4/accounts/abc/ai/models/search", { headers: auth() }));
        out.push(r.headers.get("cf-aig-log-id")!);
      }
      return out;
    };
    const first = await ids();
    expect(new Set(first).size).toBe(3);
    for (const id of first) expect(id).toMatch(/^[0-9A-F]{26}$/);
    expect(await ids()).toEqual(first);
  });

  it("REST responses carry cf-aig-log-id and cf-aig-cache-status (assumed)", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi" }, auth());
    expect(r.headers.get("cf-aig-log-id")).toBeTruthy();
    expect(r.headers.get("cf-aig-cache-status")).toBe("MISS");
  });

  it("an identical request with cf-aig-cache-ttl is a HIT the second time and does not reach the provider", async () => {
    await ensureDefaultGateway(emu());
    const a = await compat({ "cf-aig-cache-ttl": "300" }, "cache me");
    const b = await compat({ "cf-aig-cache-ttl": "300" }, "cache me");
    expect(a.headers.get("cf-aig-cache-status")).toBe("MISS");
    expect(b.headers.get("cf-aig-cache-status")).toBe("HIT");
    expect(b.json).toEqual(a.json);
    expect(b.headers.get("cf-aig-log-id")).not.toBe(a.headers.get("cf-aig-log-id"));
    expect(emu().log.entries.at(-1)!.upstream).toEqual([]);
    expect(emu().log.entries.at(-1)!.cacheStatus).toBe("HIT");
  });

  it("a different body is a MISS", async () => {
    await compat({ "cf-aig-cache-ttl": "300" }, "cache me too");
    const r = await compat({ "cf-aig-cache-ttl": "300" }, "something else");
    expect(r.headers.get("cf-aig-cache-status")).toBe("MISS");
  });

  it("cf-aig-skip-cache: true skips the cache", async () => {
    await compat({ "cf-aig-cache-ttl": "300" }, "skip me");
    const r = await compat({ "cf-aig-cache-ttl": "300", "cf-aig-skip-cache": "true" }, "skip me");
    expect(r.headers.get("cf-aig-cache-status")).toBe("MISS");
    expect(emu().log.entries.at(-1)!.upstream).toHaveLength(1);
  });

  it("the deprecated cf-cache-ttl and cf-skip-cache are still honoured", async () => {
    await compat({ "cf-cache-ttl": "120" }, "old names");
    const hit = await compat({ "cf-cache-ttl": "120" }, "old names");
    expect(hit.headers.get("cf-aig-cache-status")).toBe("HIT");
    const skipped = await compat({ "cf-cache-ttl": "120", "cf-skip-cache": "true" }, "old names");
    expect(skipped.headers.get("cf-aig-cache-status")).toBe("MISS");
  });

  it("a gateway with a cache TTL caches without the header", async () => {
    const url = `${gwBase(emu(), "cached")}/openai/chat/completions`;
    await post(url, { model: "gpt-5-mini", messages: hi });
    const r = await post(url, { model: "gpt-5-mini", messages: hi });
    expect(r.headers.get("cf-aig-cache-status")).toBe("HIT");
  });

  it("streamed responses are cached and replayed too", async () => {
    const body = { model: "openai/gpt-5-mini", stream: true, messages: [{ role: "user", content: "stream cache" }] };
    const h = { ...gwAuth(), "cf-aig-cache-ttl": "60" };
    const a = await post(`${gwBase(emu())}/compat/chat/completions`, body, h);
    const b = await post(`${gwBase(emu())}/compat/chat/completions`, body, h);
    expect(b.headers.get("cf-aig-cache-status")).toBe("HIT");
    expect(b.text).toBe(a.text);
  });

  it("errors are not cached", async () => {
    const h = { "cf-aig-cache-ttl": "300", authorization: `Bearer ${TOKEN}` };
    await compat(h, "error twice");
    const r = await compat(h, "error twice");
    expect(r.status).toBe(401);
    expect(r.headers.get("cf-aig-cache-status")).toBe("MISS");
  });

  it("the REST host caches with cf-aig-cache-ttl too (assumed)", async () => {
    const h = { ...auth(), "cf-aig-cache-ttl": "60" };
    await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "rest cache" }, h);
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "rest cache" }, h);
    expect(r.headers.get("cf-aig-cache-status")).toBe("HIT");
  });
});
