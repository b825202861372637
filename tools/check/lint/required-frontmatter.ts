import { lintRule } from "unified-lint-rule";

/** Every page needs a `title` and a `description` (Starlight renders both; search and llms.txt use the description). */
export const requiredFrontmatter = lintRule({ origin: "check:required-frontmatter" }, (_tree, file) => {
  if (file.data.kind !== "page") return;
  const fm = (file.data.frontmatter ?? {}) as Record<string, unknown>;
  for (const key of ["title", "description"]) {
    if (typeof fm[key] !== "string" || !(fm[key] as string).trim()) {
      file.message(`the page has no \`${key}\` in its frontmatter`, { line: 1, column: 1 });
    }
  }
});
