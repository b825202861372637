import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { ACCT, LLAMA, TOKEN, auth, curl, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator();
const AUTH_ERROR = { result: null, success: false, errors: [{ code: 10000, message: "Authentication error" }], messages: [] };

describe("REST API authentication", () => {
  it("accepts Authorization: Bearer <token>", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hello" }, auth());
    expect(r.status).toBe(200);
    expect(r.json.success).toBe(true);
  });

  it("a wrong token gets 401 with code 10000 in the v4 envelope", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hello" }, auth("not-the-token"));
    expect(r.status).toBe(401);
    expect(r.json).toEqual(AUTH_ERROR);
  });

  it("a missing Authorization header gets the same 401 (assumed)", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hello" });
    expect(r.status).toBe(401);
    expect(r.json).toEqual(AUTH_ERROR);
  });

  it("a malformed Authorization header gets 400 with code 6003 and error_chain 6111 (curl)", async () => {
    const r = await curl(["-X", "POST", `${restBase(emu())}/run/${LLAMA}`, "-H", `Authorization: Token ${TOKEN}`, "-H", "Content-Type: application/json", "-d", '{"prompt":"Hi"}']);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].code).toBe(6003);
    expect(r.json.errors[0].error_chain[0]).toEqual({ code: 6111, message: "Invalid format for Authorization header" });
  });

  it("a bad account id gets 404 with code 7003", async () => {
    const r = await post(`${restBase(emu(), "not-an-account")}/v1/chat/completions`, { model: LLAMA, messages: [{ role: "user", content: "x" }] }, auth());
    expect(r.status).toBe(404);
    expect(r.json.errors[0].code).toBe(7003);
    expect(r.json.errors[0].message).toContain("perhaps your object identifier is invalid?");
  });

  it("any 32-hex account id works", async () => {
    const r = await post(`${restBase(emu(), "ffffffffffffffffffffffffffffffff")}/run/${LLAMA}`, { prompt: "Hi" }, auth());
    expect(r.status).toBe(200);
  });

  it.each(["Authorization", "authorization", "AUTHORIZATION"])("header name %s is matched case-insensitively (curl)", async (name) => {
    const r = await curl(["-X", "POST", `${restBase(emu())}/run/${LLAMA}`, "-H", `${name}: Bearer ${TOKEN}`, "-H", "content-type: application/json", "-d", '{"prompt":"Hi"}']);
    expect(r.status).toBe(200);
    expect(r.json.result.response).toBe(`Emulated response from ${LLAMA} to: Hi`);
  });

  it("the openai SDK with a wrong token gets a 401 APIError", async () => {
    const client = new OpenAI({ apiKey: "wrong", baseURL: `${restBase(emu())}/v1`, maxRetries: 0 });
    const err = await client.chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Hi" }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err.status).toBe(401);
  });

  it("unknown paths under /ai/ get 404 code 7003", async () => {
    const r = await post(`${restBase(emu())}/v2/nothing`, {}, auth());
    expect(r.status).toBe(404);
    expect(r.json.errors[0].code).toBe(7003);
    expect(ACCT).toHaveLength(32);
  });
});
