/** Worker thread of a build: writes the llms files (src/lib/llms.ts writeLlmsFiles) and reports the page count. */
import { parentPort, workerData } from "node:worker_threads";
import { LlmsError, writeLlmsFiles, type LlmsJob } from "./llms.ts";

try {
  parentPort!.postMessage({ pages: writeLlmsFiles(workerData as LlmsJob) });
} catch (error) {
    const llms = error instanceof LlmsError;
  parentPort!.postMessage({ error: llms ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error), llms });
}
