/**
 * A small synchronous, non-cryptographic hash (two FNV-1a-style 32-bit lanes over pairs of UTF-16 code units, 64 bits
 * of state) for the emulator's deterministic ids, seeds and cache keys. Plain JS, so the core runs in Node, a browser or
 * a Worker. Strings are fed piece by piece, so a large body is hashed without building a joined copy.
 */
const LANE_SEEDS = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
const PRIME = 0x01000193;

export class Hasher {
  private lanes = Uint32Array.from(LANE_SEEDS);

  /** Adds a string (with its length, so ["ab","c"] and ["a","bc"] differ). */
  update(text: string): this {
    let a = this.lanes[0];
    let b = this.lanes[1];
    const n = text.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const w = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      a = Math.imul(a ^ w, PRIME);
      b = Math.imul(b ^ w, 0x5bd1e995);
    }
    if (i < n) (a = Math.imul(a ^ text.charCodeAt(i), PRIME)), (b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995));
    a = Math.imul(a ^ n, PRIME);
    b = Math.imul(b ^ (n >>> 16) ^ 0xff, 0x5bd1e995);
    this.lanes[0] = a;
    this.lanes[1] = b;
    this.lanes[2] = Math.imul(this.lanes[2] ^ a, 0x27d4eb2d);
    this.lanes[3] = Math.imul(this.lanes[3] ^ b, 0x165667b1);
    return this;
  }

  /** Hex digest of up to 64 characters: the lanes, then further mixed rounds. */
  hex(length = 24): string {
    let out = "";
    const l = Uint32Array.from(this.lanes);
    while (out.length < length) {
      for (let i = 0; i < 4; i++) {
        let x = l[i] ^ l[(i + 1) % 4];
        x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
        x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
        x ^= x >>> 16;
        l[i] = x;
        out += (x >>> 0).toString(16).padStart(8, "0");
      }
    }
    return out.slice(0, length);
  }

  /** 32-bit unsigned state for seeding a pseudo-random generator. */
  seed32(): number {
    return Number.parseInt(this.hex(8), 16) >>> 0;
  }
}

/** Feeds a JSON-able value to a hasher without stringifying it whole (strings, numbers, arrays, objects). */
export function hashValue(h: Hasher, value: unknown, depth = 0): Hasher {
  if (value === null || value === undefined || typeof value !== "object") return h.update(`${typeof value}:${String(value)}`);
  if (depth > 32) return h.update("[deep]");
  if (Array.isArray(value)) {
    h.update(`[${value.length}`);
    for (const v of value) hashValue(h, v, depth + 1);
    return h.update("]");
  }
  h.update("{");
  for (const [k, v] of Object.entries(value)) hashValue(h.update(k), v, depth + 1);
  return h.update("}");
}

/** A short, stable hex digest of any JSON-able value (ids, cache keys). */
export function digest(value: unknown, length = 24): string {
  return hashValue(new Hasher(), value).hex(length);
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
