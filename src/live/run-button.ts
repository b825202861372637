/**
 * The page side of the Run button (the only code of this feature a page loads before a click): starts the sandbox
 * Worker on Run, sends it the sample (or the reader's edit of it), and writes what comes back under the sample as it
 * arrives. Output is set as text, never as HTML. After the first run it registers the site's Service Worker (/sw.js,
 * src/live/service-worker.ts), which caches the sandbox and the pages with samples so that Run works offline.
 */
import type { RunMessage, SandboxMessage } from "./protocol.ts";

const running = new WeakMap<HTMLElement, Worker>();

function line(pre: HTMLElement, cls: string, text: string) {
  const span = document.createElement("span");
  span.className = cls;
  span.textContent = text;
  pre.append(span);
}

function run(box: HTMLElement) {
  const q = <T extends HTMLElement>(s: string) => box.querySelector(s) as T;
  const pre = q<HTMLElement>("pre");
  const state = q<HTMLElement>("[role=status]");
  const button = q<HTMLButtonElement>("[data-run]");
  running.get(box)?.terminate();
  pre.textContent = "";
  q<HTMLElement>(".run-output").hidden = false;
  state.textContent = "Running…";
  button.textContent = "Run again";
  const worker = new Worker(box.dataset.worker!, { type: "module", name: "sample" });
  running.set(box, worker);
  const done = (text: string) => {
    worker.terminate();
    // Registered once the sandbox's files are in the HTTP cache, so installing it fetches them from there.
    navigator.serviceWorker?.register("/sw.js").catch(() => {});
    state.textContent = text;
    box.dataset.state = "done";
  };
  box.dataset.state = "running";
  worker.onmessage = ({ data: m }: MessageEvent<SandboxMessage>) => {
    if (m.type === "out") line(pre, m.stream, m.text);
    else if (m.type === "http") line(pre, "http", `→ ${m.method} ${new URL(m.url).pathname}: HTTP ${m.status}\n`);
    else done(`Finished, exit code ${m.code}`);
  };
  worker.onerror = (e) => {
    line(pre, "stderr", `${e.message || "The sandbox failed to start"}\n`);
    done("Failed");
  };
  const message: RunMessage = { type: "run", example: box.dataset.sample!, lang: box.dataset.lang as RunMessage["lang"], code: q<HTMLTextAreaElement>("textarea").value };
  worker.postMessage(message);
}

document.addEventListener("click", (e) => {
  const button = (e.target as Element).closest?.("[data-run],[data-edit]") as HTMLElement | null;
  const box = button?.closest(".run-sample") as HTMLElement | null;
  if (!button || !box) return;
  if (button.hasAttribute("data-run")) return run(box);
  const editor = box.querySelector("textarea")!;
  editor.hidden = !editor.hidden;
  button.setAttribute("aria-expanded", String(!editor.hidden));
  if (!editor.hidden) editor.focus();
});
