/**
 * Names the page a component is rendering on, for build errors: the page's source file when Starlight knows it
 * (`src/content/docs/start/overview.mdx`), otherwise the URL path (`/models/`) for generated pages.
 */
type Ctx = { locals: unknown; url: URL };

export function pageSource(astro: Ctx): string {
  const locals = astro.locals as { starlightRoute?: { entry?: { filePath?: string; id?: string } } } | undefined;
  let route: { entry?: { filePath?: string; id?: string } } | undefined;
  try {
    // starlightRoute is a getter that throws outside Starlight's routes (e.g. llms.txt rendering); fall back to the URL.
    route = locals?.starlightRoute;
  } catch {
    route = undefined;
  }
  const file = route?.entry?.filePath;
  if (file) return file.replace(/^\.\//, "");
  return `page ${astro.url.pathname}`;
}
