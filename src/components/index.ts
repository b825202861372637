/**
 * The site's MDX components, for pages and partials: `import { TypeScriptExample, Render } from "~/components";`
 * (the `~/components` alias is in tsconfig.json).
 */
export { default as AuthHeaders } from "./AuthHeaders.astro";
export { default as Deprecated } from "./Deprecated.astro";
export { default as Example } from "./Example.astro";
export { default as ModelId } from "./ModelId.astro";
export { default as ModelsForEndpoint } from "./ModelsForEndpoint.astro";
export { default as RecordedOutput } from "./RecordedOutput.astro";
export { default as Render } from "./Render.astro";
export { default as TypeScriptExample } from "./TypeScriptExample.astro";
