/**
 * Names where a component is used, for build errors. Best first:
 *  - the `data-site-source` prop that src/lib/remark-source.ts stamps on MDX components (`file:line`);
 *  - the source file of the page being rendered, from Starlight's route data;
 *  - the URL path of the page (generated pages, llms.txt).
 * When the component sits in a partial, both the page and the partial's line are named.
 */
type Ctx = { locals: unknown; url: URL; props?: { "data-site-source"?: unknown } };

export function routeFile(astro: Ctx): string | undefined {
  try {
    // starlightRoute is a getter that throws outside Starlight's routes (e.g. llms.txt rendering).
    const route = (astro.locals as { starlightRoute?: { entry?: { filePath?: string } } } | undefined)?.starlightRoute;
    return route?.entry?.filePath?.replace(/^\.\//, "");
  } catch {
    return undefined;
  }
}

export function pageSource(astro: Ctx, stamped?: unknown): string {
  const prop = astro.props?.["data-site-source"];
  const at = typeof stamped === "string" ? stamped : typeof prop === "string" ? prop : undefined;
  const page = routeFile(astro);
  if (at && page && !at.startsWith(`${page}:`)) return `${page} (at ${at})`;
  if (at) return at;
  return page ?? `page ${astro.url.pathname}`;
}
