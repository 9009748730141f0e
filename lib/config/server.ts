import { readServerConfig, type ServerConfig } from "./server-schema";

let cached: ServerConfig | undefined;

/**
 * The validated server configuration, parsed on first use (not at import, so `next build`
 * can load route modules without a database configured). Never import this from client code.
 */
export function serverConfig(): ServerConfig {
  cached ??= readServerConfig(process.env);
  return cached;
}
