/**
 * The text each code block of an example shows, and its copy button copies: the region as written (TypeScript, shell),
 * and for TypeScript also the same region of the JavaScript generated from the whole file (as the examples tests run
 * it). TypeScriptExample and Example render these blocks; the component tests and the browser copy test compare
 * against them, so what is shown and what is checked come from one function.
 */
import { EXAMPLE_LANGUAGES, ExampleError, extractRegion, getExample, type ShownExample } from "./examples.ts";
import { toJavaScript } from "./transpile.ts";

export type CodeBlock = {
  /** The language expressive-code highlights it as: "ts", "js", "sh". */
  lang: string;
  /** The file name shown as the block's title (`openai-sdk.ts`, `openai-sdk.js`, `curl.sh`). */
  title: string;
  /** Exactly the text shown and copied. */
  code: string;
};

/**
 * The blocks of example `id` (region `region`, or `main` when the file has one): `[TypeScript, JavaScript]` for a
 * TypeScript example, `[as written]` otherwise. Errors name `page`, the example and the region.
 */
export async function exampleBlocks(opts: { id: string; region?: string; page: string; root?: string }): Promise<{ example: ShownExample; blocks: CodeBlock[] }> {
  const example = getExample(opts);
  const written: CodeBlock = { lang: EXAMPLE_LANGUAGES[example.language] ?? example.language, title: example.title, code: example.code };
  if (example.language !== "ts") return { example, blocks: [written] };
  const js = extractRegion(await toJavaScript(example.source, example.file), example.region);
  if (js === undefined) {
    throw new ExampleError(`${opts.page}: example "${opts.id}" region "${example.region}": the region is lost in the generated JavaScript.`);
  }
  return { example, blocks: [written, { lang: "js", title: example.title.replace(/\.ts$/, ".js"), code: js }] };
}
