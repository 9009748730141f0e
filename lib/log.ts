import pino from "pino";

/** The process-wide structured logger; level from LOG_LEVEL (info by default). */
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.SERVICE_NAME ?? "web" },
});
