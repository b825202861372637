/** After the browser tests: removes this run's temp folder (.cache/tmp/run-<pid>, with the browsers' profiles). */
import { rmSync } from "node:fs";

export default function teardown(): void {
  const dir = process.env.E2E_RUN_TMPDIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
