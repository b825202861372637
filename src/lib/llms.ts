/**
 * /llms.txt, /llms-full.txt and /llms-small.txt (https://llmstxt.org): the site's docs as one Markdown document for
 * language models.
 *
 * `astro dev` keeps starlight-llms-txt, which renders each file on request. For `astro build` that plugin would render
 * every page twice more (once per file) after the build has already rendered it: most of the build time of a large
 * site. So a build writes the three files once, at the end, from the HTML the build made: each docs page's Markdown
 * content (`.sl-markdown-content`) is turned back into Markdown. The files keep the plugin's layout (a `<SYSTEM>` line,
 * then per page `# title`, `> description` and the content, pages in the plugin's order) and its abridging rules for
 * llms-small.txt, with two differences that make them more faithful: code blocks are taken from the copy button's text
 * (exactly what a reader copies, blank lines included), and the "Section titled …" anchor links are left out.
 */
import type { AstroIntegration } from "astro";
import type { StarlightPlugin } from "@astrojs/starlight/types";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { htmlToHast } from "satteri";
import { toMdast } from "hast-util-to-mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfmToMarkdown } from "mdast-util-gfm";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { pageRoute } from "../../tools/check/project.ts";

export type LlmsOptions = {
  /** The site's name in the files (default: Starlight's title). */
  projectName: string;
  /** One paragraph under the title of llms.txt (default: Starlight's description). */
  description?: string;
  /** More text for llms.txt. */
  details?: string;
  /**
   * starlight-llms-txt, when the Astro config imports it itself (the config is loaded by Vite, which can run the
   * TypeScript that plugin ships); otherwise it is imported in dev.
   */
  devPlugin?: (opts: LlmsOptions) => StarlightPlugin;
};

export class LlmsError extends Error {}

/** The Starlight plugin to register: starlight-llms-txt in dev, the files written from dist/ in a build. */
export function llmsFiles(opts: LlmsOptions): StarlightPlugin {
  return {
    name: "ai-docs:llms-files",
    hooks: {
      async "config:setup"(args) {
        if (args.command === "dev") {
          // Imported only here: the plugin ships TypeScript that only Vite (which loads the Astro config) can run.
          const starlightLlmsTxt = opts.devPlugin ?? (await import("starlight-llms-txt")).default;
          const { devPlugin: _, ...pluginOpts } = opts;
          const onRequest = starlightLlmsTxt(pluginOpts);
          return (onRequest.hooks["config:setup"] ?? onRequest.hooks.setup)?.(args);
        }
        const title = typeof args.config.title === "string" ? args.config.title : Object.values(args.config.title)[0];
        args.addIntegration(llmsBuild({ ...opts, projectName: opts.projectName ?? title, description: opts.description ?? args.config.description }));
      },
    },
  };
}

function llmsBuild(opts: LlmsOptions): AstroIntegration {
  let root = "";
  let site: URL | undefined;
  return {
    name: "ai-docs:llms-build",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ? new URL(config.base, config.site) : undefined;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        if (!site) throw new LlmsError("astro.config.mjs: llms.txt needs `site` (its links are absolute URLs)");
        const { devPlugin: _, ...text } = opts;
        const pages = await writeLlmsFilesInWorker({ ...text, site: site.href, root, dist: fileURLToPath(dir) });
        logger.info(`llms.txt, llms-full.txt, llms-small.txt: ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

export type LlmsJob = Omit<LlmsOptions, "devPlugin"> & { site: string; root: string; dist: string };

/**
 * Writes the three files into `dist` from the built pages; returns how many pages they hold. Runs in a worker thread
 * (src/lib/llms-worker.ts) during a build: there its garbage collector walks only its own small heap, not the
 * build's heap of every rendered page, which made the same work take about twice the CPU time.
 */
export function writeLlmsFiles(job: LlmsJob): number {
  const pages = docsPages(job.root);
  // One built page in memory at a time: a large site's HTML (sidebar included) runs to hundreds of megabytes.
  const files = llmsTexts(job, new URL(job.site), pages, (p) => builtContent(htmlFileOf(job.dist, p)));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(job.dist, name), text);
  return pages.length;
}

/** writeLlmsFiles in a worker thread; its LlmsError comes back as an LlmsError with the same message. */
export function writeLlmsFilesInWorker(job: LlmsJob): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./llms-worker.ts", import.meta.url), { workerData: job });
    worker.once("message", (m: { pages: number } | { error: string; llms: boolean }) =>
      "pages" in m ? resolve(m.pages) : reject(m.llms ? new LlmsError(m.error) : new Error(m.error)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`src/lib/llms-worker.ts stopped (exit code ${code}) before writing the llms files`)));
  });
}

export type DocsPage = {
  /** The entry id as Starlight makes it (`auth/authentication`, `index`). */
  id: string;
  /** The page's source, relative to the project root (for error messages). */
  file: string;
  route: string;
  title: string;
  description?: string;
};

/** The published docs entries (drafts left out), in starlight-llms-txt's order: `index*` first, then by id. */
export function docsPages(root: string): DocsPage[] {
  const docs = join(root, "src/content/docs");
  const pages: DocsPage[] = [];
  for (const d of readdirSync(docs, { recursive: true, withFileTypes: true })) {
    if (!d.isFile() || !/\.mdx?$/.test(d.name) || d.name.startsWith("_")) continue;
    const path = join(d.parentPath, d.name);
    const file = relative(root, path).split("\\").join("/");
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, "utf8"));
    const data = (front ? parseYaml(front[1]) : {}) as Record<string, unknown> & { hero?: { title?: string; tagline?: string } };
    if (data.draft === true) continue;
    const route = pageRoute(relative(docs, path).split("\\").join("/"), data.slug);
    const title = data.hero?.title || data.title;
    if (typeof title !== "string") throw new LlmsError(`${file}: no title in the frontmatter`);
    const description = data.hero?.tagline || data.description;
    pages.push({ id: route === "/" ? "index" : route.slice(1, -1), file, route, title, description: typeof description === "string" ? description : undefined });
  }
  const collator = new Intl.Collator("en");
  const key = (id: string) => (id.startsWith("index") ? `_${id}` : id);
  return pages.sort((a, b) => collator.compare(key(a.id), key(b.id)));
}

/**
 * A built page from its Markdown content on: the head and the sidebar before it (most of a large site's page, a link
 * per page) are not decoded, only searched as bytes.
 */
function builtContent(file: string): string {
  const bytes = readFileSync(file);
  const start = bytes.indexOf(CONTENT_START);
  return bytes.toString("utf8", start === -1 ? 0 : start);
}

function htmlFileOf(dist: string, page: DocsPage): string {
  const file = join(dist, page.route, "index.html");
  if (!existsSync(file)) throw new LlmsError(`${page.file}: the build made no ${relative(dist, file)} for it, so llms-full.txt cannot include it`);
  return file;
}

/** The three files' text, from each page's built HTML (`htmlOf` is asked once per page, in order). */
export function llmsTexts(opts: LlmsOptions, site: URL, pages: DocsPage[], htmlOf: (page: DocsPage) => string): Record<string, string> {
  const full: string[] = [`<SYSTEM>This is the full developer documentation for ${opts.projectName}</SYSTEM>`];
  const small: string[] = [`<SYSTEM>This is the abridged developer documentation for ${opts.projectName}</SYSTEM>`];
  for (const page of pages) {
    const tree = contentTree(page, htmlOf(page));
    const head = [`# ${page.title}`, ...(page.description ? [`> ${page.description}`] : [])];
    const markdown = toMarkdownText(tree);
    full.push([...head, markdown].join("\n\n"));
    // Most pages have nothing to leave out: their abridged text is the full text with whitespace collapsed.
    small.push([...head, collapseWhitespace(abridge(tree) ? toMarkdownText(tree) : markdown)].join("\n\n"));
  }
  const link = (name: string) => new URL(name, site).href;
  const index = [
    `# ${opts.projectName}`,
    ...(opts.description ? [`> ${opts.description}`] : []),
    ...(opts.details ? [opts.details] : []),
    "## Documentation Sets",
    [
      `- [Abridged documentation](${link("llms-small.txt")}): a compact version of the documentation for ${opts.projectName}, with non-essential content removed`,
      `- [Complete documentation](${link("llms-full.txt")}): the full documentation for ${opts.projectName}`,
    ].join("\n"),
    "## Notes",
    "- The complete documentation includes all content from the official documentation\n- The content is automatically generated from the same source as the official documentation",
  ];
  return { "llms.txt": `${index.join("\n\n")}\n`, "llms-full.txt": full.join("\n\n"), "llms-small.txt": small.join("\n\n") };
}

const CONTENT_START = '<div class="sl-markdown-content">';
/** Starlight closes the Markdown content right before the page footer. */
const CONTENT_END = /<\/div>\s*<footer\b/g;

/** The page's Markdown content as a small HTML tree: code blocks and anchor links simplified before parsing. */
function contentTree(page: DocsPage, built: string): Root {
  const start = built.indexOf(CONTENT_START);
  const ends = start === -1 ? [] : [...built.slice(start).matchAll(CONTENT_END)];
  if (start === -1 || !ends.length) {
    throw new LlmsError(`${page.file}: its built page has no ${CONTENT_START}…</div><footer>: Starlight's page markup changed; update src/lib/llms.ts`);
  }
  const html = built
    .slice(start + CONTENT_START.length, start + ends[ends.length - 1].index)
    // An Expressive Code block is hundreds of highlighted spans; the copy button holds the code as the reader copies it
    // (newlines as U+007F). Keep the title and that text.
    .replace(/<div class="expressive-code(?: [^"]*)?">([\s\S]*?)data-code="([^"]*)"><div><\/div><\/button><\/div><\/figure><\/div>/g, (_, block: string, code: string) => {
      const title = /<span class="title">([\s\S]*?)<\/span>/.exec(block)?.[1];
      const lang = /<pre data-language="([^"]*)"/.exec(block)?.[1];
      const text = code.replaceAll("<", "&lt;").replaceAll("\u007f", "\n");
      return `${title ? `<p>${title}</p>` : ""}<pre><code${lang && lang !== "plaintext" ? ` class="language-${lang}"` : ""}>${text}</code></pre>`;
    })
    .replace(/<a class="sl-anchor-link"[\s\S]*?<\/a>/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "");
  // Sätteri's native HTML parser (Astro's Markdown processor): the same tree as parse5 gives, about 20 times faster.
  const tree = htmlToHast(html, { fragment: true }) as Root;
  tabsAsLists(tree);
  return tree;
}

const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === "element";
const classes = (n: Element): string[] => (Array.isArray(n.properties.className) ? n.properties.className.map(String) : []);
const textOf = (n: Element | ElementContent): string => (n.type === "text" ? n.value : isElement(n) ? n.children.map(textOf).join("") : "");

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

/** `<starlight-tabs>` becomes a list: one item per tab, its label, then its panel (as starlight-llms-txt does). */
function tabsAsLists(tree: Root) {
  for (const tabs of [...elements(tree)].filter((e) => e.tagName === "starlight-tabs")) {
    const inside = [...elements(tabs)];
    const labels = inside.filter((e) => e.properties.role === "tab").map((e) => textOf(e).trim());
    const panels = inside.filter((e) => e.properties.role === "tabpanel");
    tabs.tagName = "ul";
    tabs.properties = {};
    tabs.children = panels.map((panel, i) => ({
      type: "element",
      tagName: "li",
      properties: {},
      children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: labels[i] ?? "" }] }, panel],
    }));
  }
}

/** llms-small.txt leaves out `<details>` and note and tip asides (starlight-llms-txt's defaults). True if any was. */
function abridge(node: Root | Element): boolean {
  const kept = node.children.filter((c) => {
    if (!isElement(c)) return true;
    if (c.tagName === "details") return false;
    const cls = classes(c);
    return !(cls.includes("starlight-aside--note") || cls.includes("starlight-aside--tip"));
  }) as typeof node.children;
  let removed = kept.length < node.children.length;
  node.children = kept;
  for (const c of node.children) if (isElement(c) && abridge(c)) removed = true;
  return removed;
}

/** Made once: its escape patterns are compiled on first use and kept on the pattern objects. */
const MARKDOWN_OPTIONS = { extensions: [gfmToMarkdown()] };

function toMarkdownText(tree: Root): string {
  return toMarkdown(toMdast(tree), MARKDOWN_OPTIONS).trim();
}

/** Whitespace runs in prose become one space; fenced code blocks keep their lines. */
function collapseWhitespace(markdown: string): string {
  const fences = /(?<=^|\n)([ \t]*)(`{3,}|~{3,})[^\n]*\n(?:[\s\S]*?\n)?\1\2[ \t]*(?=\n|$)/g;
  const parts: string[] = [];
  let last = 0;
  for (const m of markdown.matchAll(fences)) {
    parts.push(markdown.slice(last, m.index).replace(/\s+/g, " "), "\n", m[0], "\n");
    last = m.index + m[0].length;
  }
  parts.push(markdown.slice(last).replace(/\s+/g, " "));
  return parts.join("").trim();
}
