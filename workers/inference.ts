/**
 * The inference server process: generation for the playground (and, later, OpenLoRA serving) runs here,
 * outside the web app, which talks to it over HTTP on localhost. Started by `npm start`.
 */
import { log } from "@/lib/log";
import { initBackend } from "@/lib/ml";
import { servingConfig } from "@/lib/serving/config";
import { createInferenceServer } from "@/lib/serving/http-server";
import { ModelCache } from "@/lib/serving/model-cache";

const config = servingConfig();
const logger = log.child({ service: "inference" });
const backend = await initBackend();
const cache = new ModelCache({
  adapterRoot: config.adapterRoot,
  checkpointsRoot: config.checkpointsRoot,
  maxAdapters: config.maxAdapters,
});
const server = createInferenceServer(cache);
server.listen(config.port, config.host, () => {
  logger.info({ host: config.host, port: config.port, backend: backend.name }, "inference server ready");
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "inference server stopping");
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
