/**
 * Imported first by the emulator's browser entry: zod compiles fast paths with `new Function` when it may, and the
 * catalog is validated with zod as soon as it loads. The sandbox's policy allows no eval, so zod is told not to try
 * (the same schemas, checked the same way, without generated code) before any schema exists.
 */
import { config } from "zod";

config({ jitless: true });
