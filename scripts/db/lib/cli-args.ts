import { type ParseArgsConfig, parseArgs } from "node:util";

/** node:util parseArgs, with a usage line instead of a stack trace for an unknown or malformed option. */
export function parseArgsOrUsage<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n${usage}`);
      process.exit(2);
    }
    throw error;
  }
}
