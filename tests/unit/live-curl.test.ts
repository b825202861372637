/**
 * src/live/curl.ts, the Run button's curl: for every shell sample on the site, the request it makes must be the
 * request the real curl sends for the same text (method, path and query, headers, body), captured by a local server.
 * Then what it refuses, and --write-out.
 */
import { createServer, type IncomingMessage } from "node:http";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandsOf, curlRequest, runShell, ShellError, writeOut } from "../../src/live/curl.ts";
import { getExample, listExamples } from "../../src/lib/examples.ts";
import { cases } from "../../examples/test/cases.ts";

const env = { CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef", CLOUDFLARE_API_TOKEN: "token-123", CLOUDFLARE_GATEWAY_ID: "default" };
const ORIGINS = /^https:\/\/(api\.cloudflare\.com|gateway\.ai\.cloudflare\.com)/;

type Seen = { method: string; path: string; headers: [string, string][]; body: string };
let seen: Seen[] = [];
let origin = "";
const server = createServer((req: IncomingMessage, res) => {
  let body = "";
  req.setEncoding("utf8").on("data", (d: string) => (body += d));
  req.on("end", () => {
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    seen.push({ method: req.method!, path: req.url!, headers, body });
    res.writeHead(200, { "content-type": "application/json", "x-demo": "yes" }).end("{}");
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/**
 * What the real curl sent for a shell text (run by bash with the Cloudflare origins pointed at the capture server;
 * asynchronously, since the server answers in this process).
 */
async function realCurl(script: string, vars: Record<string, string>): Promise<Seen[]> {
  seen = [];
  const local = script.replace(/https:\/\/(api\.cloudflare\.com|gateway\.ai\.cloudflare\.com)/g, origin);
  await promisify(execFile)("bash", ["-c", `set -euo pipefail\n${local}`], { env: { PATH: process.env.PATH, ...vars }, timeout: 10_000 });
  return seen;
}

const CURL_OWN = new Set(["host", "user-agent", "content-length"]);

const shellSamples = listExamples().filter((e) => e.language === "sh");

describe("curl samples: the sandbox sends what the real curl sends", () => {
  it("has shell samples to compare", () => expect(shellSamples.length).toBeGreaterThan(10));
  for (const e of shellSamples) {
    it(e.id, async () => {
      const { code } = getExample({ id: e.id, page: "tests/unit/live-curl.test.ts" });
      const vars = { ...env, ...cases[e.id]?.env };
      const sent = await realCurl(code, vars);
      const ours = [...commandsOf(code, vars)].map(curlRequest);
      expect(ours.length).toBe(sent.length);
      ours.forEach((r, i) => {
        const url = new URL(r.url.replace(ORIGINS, origin));
        expect(r.method).toBe(sent[i].method);
        expect(url.pathname + url.search).toBe(sent[i].path);
        expect(r.body ?? "").toBe(sent[i].body);
        expect(r.headers).toEqual(sent[i].headers.filter(([k]) => !CURL_OWN.has(k.toLowerCase())));
      });
    });
  }
});

describe("what the sandbox's curl refuses, naming the place", () => {
  const refuses = (script: string, message: RegExp) => expect(() => [...commandsOf(script, env)].map(curlRequest)).toThrow(message);
  it("pipes and redirections", () => refuses("curl https://x/ | jq .", /line 1:1: only plain commands/));
  it("command substitution", () => refuses('curl "https://x/$(whoami)"', /line 1:\d+: CmdSubst .*not supported/));
  it("an unset variable, as bash with set -u", () => refuses("curl https://x/$NOPE", /NOPE: unbound variable/));
  it("a command other than curl", () => refuses("rm -rf /tmp/x", /rm: only curl commands/));
  it("a curl option it does not know", () => refuses("curl --cert a.pem https://x/", /curl: .*--cert.*knows these options/));
  it("data read from a file", () => refuses("curl -d @body.json https://x/", /reading files is not supported/));
  it("a syntax error", () => refuses("curl 'unclosed", /sample.sh: .*/));
});

describe("shell expansions the samples use, as bash expands them", () => {
  const script = [
    ': "${CLOUDFLARE_API_TOKEN:?set the token}"',
    'GW="${CLOUDFLARE_GATEWAY_ID:-other}"',
    'EMPTY=""',
    'echo "$GW" "${EMPTY:-d1}" "${EMPTY-d2}" "${NOPE-d3}" "${GW:+alt}" "${NOPE+alt}" \'${NOPE}\' a\ b "x"\'y\'',
  ].join("\n");
  it("matches bash for default, alternate and error forms, assignments and quoting", async () => {
    const { stdout } = await promisify(execFile)("bash", ["-c", `set -euo pipefail\n${script}`], { env: { PATH: process.env.PATH, ...env } });
    const [argv] = [...commandsOf(script, env)];
    expect(argv.slice(1).join(" ") + "\n").toBe(stdout);
  });
  it("stops with the :? message", () => expect(() => [...commandsOf(': "${NOPE:?Set NOPE first}"', env)]).toThrow(/NOPE: Set NOPE first/));
});

describe("curl --write-out", () => {
  const response = new Response("", { status: 404, headers: { "content-type": "text/plain", "cf-aig-log-id": "ABC" } });
  it("fills http_code, headers and escapes", () => {
    expect(writeOut("\\nHTTP %{http_code} %{content_type} %header{cf-aig-log-id} 100%%\\n", response)).toBe("\nHTTP 404 text/plain ABC 100%\n");
  });
  it("refuses a variable it does not know", () => expect(() => writeOut("%{time_total}", response)).toThrow(ShellError));
});

describe("runShell", () => {
  it("prints the body as it arrives, then --write-out, and stops at the first failing command", async () => {
    const out: string[] = [];
    const fake = (async () => new Response("a-body", { status: 500 })) as unknown as typeof fetch;
    const code = await runShell("curl -w ' %{http_code}' https://x/\ncurl -f https://x/\ncurl https://never/", env, fake, {
      stdout: (t) => out.push(`out:${t}`),
      stderr: (t) => out.push(`err:${t}`),
    });
    expect(code).toBe(22);
    expect(out).toEqual(["out:a-body", "out: 500", "err:curl: (22) The requested URL returned error: 500\n"]);
  });
});
