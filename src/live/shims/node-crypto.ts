/**
 * The part of `node:crypto` the emulator core uses (`createHash("sha256")`, `randomBytes`), for its browser bundle
 * only (tools/live-samples/build.ts aliases `node:crypto` to this file). The hash comes from @noble/hashes, synchronous
 * like Node's; the results are `buffer`'s Buffer, so `.toString("hex")` and `.readUInt32LE()` work as in Node.
 * Remove this shim once the emulator core has no `node:` imports of its own.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { Buffer } from "buffer";

type Data = string | Uint8Array;
const bytes = (d: Data) => (typeof d === "string" ? new TextEncoder().encode(d) : d);

export function createHash(algorithm: string) {
  if (algorithm !== "sha256") throw new Error(`node:crypto shim: only sha256 is available, not ${algorithm}`);
  const h = sha256.create();
  const api = {
    update(data: Data) {
      h.update(bytes(data));
      return api;
    },
    digest(encoding?: "hex" | "base64") {
      const out = Buffer.from(h.digest());
      return encoding ? out.toString(encoding) : out;
    },
  };
  return api;
}

export function randomBytes(size: number) {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(size)));
}
