/**
 * Runs the curl samples of the site without a shell: the script is parsed by mvdan-sh (the Go shell parser
 * mvdan.cc/sh, built for JavaScript), its words are expanded with the sample's environment, the curl options are read
 * by @pkgjs/parseargs (Node's util.parseArgs) from a declared list of curl options, and the request goes to `fetch`.
 *
 * Supported: plain `curl` commands (one or more, run in order), quoting, `$VAR` / `${VAR}`, `\` line continuations and
 * comments; the curl options in CURL_OPTIONS with curl's own meaning (man curl). Anything else — pipes, command
 * substitution, an option not listed, `@file` data — is refused with an error naming it and its line, never guessed.
 */
import { parseArgs } from "@pkgjs/parseargs";
import sh from "mvdan-sh";

export class ShellError extends Error {}

type Node = { Pos(): { Line(): number; Col(): number } } & Record<string, any>;
const type = (n: Node): string => sh.syntax.NodeType(n);
const at = (n: Node) => `line ${n.Pos().Line()}:${n.Pos().Col()}`;

/** Backslash escapes inside double quotes (bash: only $ ` " \ and newline are special after a backslash). */
const unescapeDouble = (s: string) => s.replace(/\\([$`"\\\n])/g, (_, c: string) => (c === "\n" ? "" : c));
/** Backslash escapes outside quotes: a backslash keeps the next character literally; backslash-newline is removed. */
const unescapeBare = (s: string) => s.replace(/\\(.)/gs, (_, c: string) => (c === "\n" ? "" : c));

/** mvdan-sh's token numbers for the ${NAME<op>word} operators (syntax.ParExpOperator); checked by the unit tests. */
const PARAM_OPS: Record<number, string> = { 68: "+", 69: ":+", 70: "-", 71: ":-", 72: "?", 73: ":?" };

function param(n: Node, env: Record<string, string>): string {
  // $NAME, ${NAME} and the default / alternate / error forms; no slices, lengths, replacements or indirection.
  if (n.Excl || n.Length || n.Width || n.Index || n.Slice || n.Repl || !n.Param) {
    throw new ShellError(`${at(n)}: only $NAME, \${NAME} and \${NAME:-default}-style expansions are supported in the sandbox`);
  }
  const name: string = n.Param.Value;
  const value = env[name];
  if (n.Exp) {
    const op = PARAM_OPS[n.Exp.Op as number];
    if (!op) throw new ShellError(`${at(n)}: this \${${name}…} operator is not supported in the sandbox`);
    const unset = op.startsWith(":") ? !value : value === undefined;
    const word = () => (n.Exp.Word ? word_(n.Exp.Word, env) : "");
    if (op.endsWith("-")) return unset ? word() : value!;
    if (op.endsWith("+")) return unset ? "" : word();
    // ? and :? stop the script with the message, as bash does.
    if (unset) throw new ShellError(`${at(n)}: ${name}: ${word() || "parameter null or not set"}`);
    return value!;
  }
  // The samples run with `set -u`: an unset variable is an error, as in bash.
  if (value === undefined) throw new ShellError(`${at(n)}: ${name}: unbound variable`);
  return value;
}

function part(n: Node, env: Record<string, string>, quoted: boolean): string {
  switch (type(n)) {
    case "Lit":
      return quoted ? unescapeDouble(n.Value) : unescapeBare(n.Value);
    case "SglQuoted":
      if (n.Dollar) throw new ShellError(`${at(n)}: $'…' strings are not supported in the sandbox`);
      return n.Value;
    case "DblQuoted":
      if (n.Dollar) throw new ShellError(`${at(n)}: $"…" strings are not supported in the sandbox`);
      return (n.Parts as Node[]).map((p) => part(p, env, true)).join("");
    case "ParamExp":
      return param(n, env);
    default:
      throw new ShellError(`${at(n)}: ${type(n)} (${quoted ? "inside quotes" : "a shell expansion"}) is not supported in the sandbox; it runs plain curl commands`);
  }
}

const word_ = (w: Node, env: Record<string, string>) => (w.Parts as Node[]).map((p) => part(p, env, false)).join("");

/** Builtins that do nothing but expand their arguments (`: "${KEY:?set it}"` checks a variable is set). */
const NO_OPS = new Set([":", "true"]);

/**
 * The argument lists of the commands of a shell script, in order, each expanded when its turn comes (so an
 * assignment `NAME=value` applies to the commands after it, as in bash). Only plain commands: no pipes, redirections
 * or control flow.
 */
export function* commandsOf(script: string, env: Record<string, string>): Generator<string[]> {
  let file: Node;
  try {
    file = sh.syntax.NewParser().Parse(script, "sample.sh");
  } catch (err) {
    throw new ShellError(`sample.sh: ${(err as Error).message ?? String(err)}`);
  }
  const vars = { ...env };
  for (const stmt of file.Stmts as Node[]) {
    const cmd = stmt.Cmd as Node | null;
    if (!cmd || type(cmd) !== "CallExpr" || stmt.Negated || stmt.Background || (stmt.Redirs?.length ?? 0) > 0) {
      throw new ShellError(`${at(stmt)}: only plain commands run in the sandbox (no pipes, redirections or control flow)`);
    }
    const assigns = (cmd.Assigns ?? []) as Node[];
    const args = (cmd.Args ?? []) as Node[];
    if (assigns.length && args.length) throw new ShellError(`${at(cmd)}: NAME=value before a command is not supported in the sandbox`);
    for (const a of assigns) {
      if (a.Append || a.Index || a.Array || a.Naked) throw new ShellError(`${at(a)}: only NAME=value assignments are supported in the sandbox`);
      vars[a.Name.Value] = a.Value ? word_(a.Value, vars) : "";
    }
    if (!args.length) continue;
    const argv = args.map((w) => word_(w, vars));
    if (!NO_OPS.has(argv[0])) yield argv;
  }
}

/** The curl options the sandbox understands (long name → short name and whether it takes a value). */
export const CURL_OPTIONS = {
  header: { type: "string", short: "H", multiple: true },
  data: { type: "string", short: "d", multiple: true },
  "data-raw": { type: "string", multiple: true },
  "data-binary": { type: "string", multiple: true },
  "data-urlencode": { type: "string", multiple: true },
  json: { type: "string", multiple: true },
  get: { type: "boolean", short: "G" },
  request: { type: "string", short: "X" },
  "write-out": { type: "string", short: "w" },
  fail: { type: "boolean", short: "f" },
  include: { type: "boolean", short: "i" },
  "no-buffer": { type: "boolean", short: "N" },
  silent: { type: "boolean", short: "s" },
  "show-error": { type: "boolean", short: "S" },
} as const;

export type CurlRequest = {
  url: string;
  method: string;
  headers: [string, string][];
  body?: string;
  writeOut?: string;
  fail: boolean;
  include: boolean;
};

/** curl's URL encoding of --data-urlencode content: all but A-Z a-z 0-9 - . _ ~ as %XX, and a space as "+". */
const curlEscape = (s: string) =>
  encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");

/** curl --data-urlencode: `content`, `=content` or `name=content` (the `@file` forms read files: not here). */
function urlencodePair(arg: string): string {
  if (/^[^=]*@/.test(arg)) throw new ShellError(`curl --data-urlencode ${arg}: reading files is not supported in the sandbox`);
  const eq = arg.indexOf("=");
  if (eq < 0) return curlEscape(arg);
  const name = arg.slice(0, eq);
  return `${name ? `${name}=` : ""}${curlEscape(arg.slice(eq + 1))}`;
}

/** What one curl command line asks for, as curl would send it. `argv[0]` is `curl`. */
export function curlRequest(argv: string[]): CurlRequest {
  if (argv[0] !== "curl") throw new ShellError(`${argv[0]}: only curl commands run in the sandbox`);
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: CURL_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new ShellError(`curl: ${(err as Error).message} (the sandbox knows these options: ${Object.keys(CURL_OPTIONS).map((o) => `--${o}`).join(", ")})`);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new ShellError(`curl: expected one URL, got ${positionals.length ? positionals.join(" ") : "none"}`);
  const headers: [string, string][] = [];
  for (const h of v.header ?? []) {
    const colon = h.indexOf(":");
    if (colon < 0) throw new ShellError(`curl --header "${h}": a header is "Name: value"`);
    headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()]);
  }
  const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name);
  const pieces: string[] = [];
  for (const d of [...(v.data ?? []), ...(v["data-binary"] ?? [])]) {
    if (d.startsWith("@")) throw new ShellError(`curl --data ${d}: reading files is not supported in the sandbox`);
    pieces.push(d);
  }
  pieces.push(...(v["data-raw"] ?? []));
  pieces.push(...(v["data-urlencode"] ?? []).map(urlencodePair));
  if (v.json?.length) {
    for (const d of v.json) if (d.startsWith("@")) throw new ShellError(`curl --json ${d}: reading files is not supported in the sandbox`);
    pieces.push(...v.json);
    if (!has("content-type")) headers.push(["Content-Type", "application/json"]);
    if (!has("accept")) headers.push(["Accept", "application/json"]);
  }
  let url = positionals[0];
  let body: string | undefined;
  let method = "GET";
  if (pieces.length) {
    // curl joins several data arguments with "&"; --json pieces are joined as they are.
    const joined = v.json?.length ? pieces.join("") : pieces.join("&");
    if (v.get) url += (url.includes("?") ? "&" : "?") + joined;
    else {
      body = joined;
      method = "POST";
      if (!has("content-type")) headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
    }
  }
  if (v.request) method = v.request;
  // curl's own Accept comes first, before the headers of the command line (as curl sends them).
  if (!has("accept")) headers.unshift(["Accept", "*/*"]);
  return { url, method, headers, body, writeOut: v["write-out"], fail: !!v.fail, include: !!v.include };
}

/** curl --write-out: `%{http_code}`, `%{response_code}`, `%{content_type}`, `%header{name}`, `%%`, `\n` `\r` `\t`. */
export function writeOut(template: string, response: Response): string {
  return template.replace(/%%|%\{([a-z_]+)\}|%header\{([^}]+)\}|\\([nrt\\])/g, (m, variable?: string, header?: string, esc?: string) => {
    if (m === "%%") return "%";
    if (esc) return ({ n: "\n", r: "\r", t: "\t", "\\": "\\" }) [esc as "n"];
    if (header) return response.headers.get(header) ?? "";
    if (variable === "http_code" || variable === "response_code") return String(response.status).padStart(3, "0");
    if (variable === "content_type") return response.headers.get("content-type") ?? "";
    throw new ShellError(`curl --write-out: %{${variable}} is not supported in the sandbox (http_code, response_code, content_type and %header{…} are)`);
  });
}

export type Output = { stdout(text: string): void; stderr(text: string): void };

/** Runs one curl command like curl does: the body goes to stdout as it arrives; returns curl's exit code. */
export async function runCurl(argv: string[], fetchFn: typeof fetch, out: Output): Promise<number> {
  const r = curlRequest(argv);
  const response = await fetchFn(r.url, { method: r.method, headers: r.headers, body: r.body });
  if (r.fail && response.status >= 400) {
    await response.body?.cancel();
    out.stderr(`curl: (22) The requested URL returned error: ${response.status}\n`);
    return 22;
  }
  if (r.include) {
    let head = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`;
    response.headers.forEach((value, name) => (head += `${name}: ${value}\r\n`));
    out.stdout(`${head}\r\n`);
  }
  if (response.body) {
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (text) out.stdout(text);
    }
    const rest = decoder.decode();
    if (rest) out.stdout(rest);
  }
  if (r.writeOut !== undefined) out.stdout(writeOut(r.writeOut, response));
  return 0;
}

/** Runs a shell sample: each curl command in order, stopping at the first that fails (the samples use `set -e`). */
export async function runShell(script: string, env: Record<string, string>, fetchFn: typeof fetch, out: Output): Promise<number> {
  for (const argv of commandsOf(script, env)) {
    const code = await runCurl(argv, fetchFn, out);
    if (code !== 0) return code;
  }
  return 0;
}
