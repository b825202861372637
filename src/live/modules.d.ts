/** Types for the two untyped packages the sandbox's curl uses (only what src/live/curl.ts calls). */
declare module "mvdan-sh" {
  const sh: {
    syntax: {
      NewParser(): { Parse(src: string, name: string): any };
      NodeType(node: unknown): string;
    };
  };
  export default sh;
}

declare module "@pkgjs/parseargs" {
  type Option = { type: "string" | "boolean"; short?: string; multiple?: boolean };
  /** Node's util.parseArgs, as a package: values by long option name (arrays for `multiple`), and the positionals. */
  export function parseArgs<O extends Record<string, Option>>(config: { args: string[]; options: O; allowPositionals?: boolean; strict?: boolean }): {
    values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : O[K]["multiple"] extends true ? string[] : string };
    positionals: string[];
  };
}
