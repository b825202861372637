/**
 * `npm run catalog:build`: generates catalog/generated/ from the installed @cloudflare/workers-types (every Workers AI
 * model, its task, inputs and outputs), the facts-only snapshot of Cloudflare's third-party model files
 * (catalog/sources/catalog-models.json) and the hand-kept overlay (catalog/overlay.ts). Deterministic: the same inputs
 * give byte-identical output, which is committed. `--check` writes nothing and fails when the committed output is
 * out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BuildError, buildCatalog, GENERATED_FILE, SNAPSHOT_FILE } from "./catalog-build/build.ts";
import { readWorkersTypes } from "./catalog-build/workers-types.ts";
import { overlay, sameModelAs } from "../catalog/overlay.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMAS_FILE = "catalog/generated/input-schemas.json";
const META_FILE = "catalog/generated/meta.json";

export function generate(root = ROOT) {
  const pkgDir = join(root, "node_modules/@cloudflare/workers-types");
  const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version as string;
  const models = readWorkersTypes(join(pkgDir, "index.d.ts"));
  const previousPath = join(root, GENERATED_FILE);
  const previous = existsSync(previousPath) ? JSON.parse(readFileSync(previousPath, "utf8")) : [];
  const snapshot = JSON.parse(readFileSync(join(root, SNAPSHOT_FILE), "utf8"));
  const result = buildCatalog({ workersTypes: { version, models }, snapshot, overlay, sameModelAs, previous });
  const workersAi = result.models.filter((m) => m.id.startsWith("@")).length;
  const files: Record<string, string> = {
    [GENERATED_FILE]: `[\n${result.models.map((m) => `  ${JSON.stringify(m)}`).join(",\n")}\n]\n`,
    [SCHEMAS_FILE]: `{\n${Object.entries(result.schemas).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`,
    [META_FILE]: `${JSON.stringify({ workers_types: version, models: result.models.length, workers_ai: workersAi, third_party: result.models.length - workersAi }, null, 2)}\n`,
  };
  return { files, result, version };
}

function main(argv: string[]) {
  const check = argv.includes("--check");
  let out: ReturnType<typeof generate>;
  try {
    out = generate();
  } catch (e) {
    if (e instanceof BuildError || (e as Error).name === "CatalogError" || e instanceof Error) {
      console.error((e as Error).message);
      process.exit(1);
    }
    throw e;
  }
  const stale = Object.entries(out.files).filter(([path, text]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), "utf8") !== text);
  const { result, version } = out;
  const meta = JSON.parse(out.files[META_FILE]);
  console.log(`catalog: ${meta.models} models (${meta.workers_ai} Workers AI from @cloudflare/workers-types ${version}, ${meta.third_party} third-party)`);
  if (result.added.length) console.log(`  new in @cloudflare/workers-types ${version}: ${result.added.join(", ")}`);
  if (result.vanished.length) console.log(`  no longer in @cloudflare/workers-types ${version}, marked for review: ${result.vanished.join(", ")}`);
  if (check) {
    if (stale.length) {
      console.error(`catalog/generated is out of date (${stale.map(([p]) => p).join(", ")}): run npm run catalog:build and commit the result`);
      process.exit(1);
    }
    console.log("catalog/generated is up to date");
    return;
  }
  for (const [path, text] of stale) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
    console.log(`  wrote ${path}`);
  }
  if (!stale.length) console.log("  nothing changed");
}

if (import.meta.main) main(process.argv.slice(2));
