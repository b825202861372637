// madge ships no type declarations; this covers the one call the emulator's structure test makes.
declare module "madge" {
  type MadgeResult = { circular(): string[][] };
  export default function madge(path: string, config?: { fileExtensions?: string[] }): Promise<MadgeResult>;
}
