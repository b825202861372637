import { defineConfig } from "vitest/config";

// One project per stage of `npm test`; tools/test-all.mjs runs them one at a time and counts their tests.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { test: { name: "emulator", include: ["emulator/test/**/*.test.ts"], testTimeout: 20_000 } },
      { test: { name: "examples", include: ["examples/test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 } },
      // Real npm client libraries against the emulator (clients/README.md); each folder resolves its own versions.
      { test: { name: "clients", include: ["clients/*/test/**/*.test.ts"], testTimeout: 30_000 } },
    ],
  },
});
