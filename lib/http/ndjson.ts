import { DomainError } from "@/lib/errors";
import { errorBody } from "./responses";

/** Newline-delimited JSON: one JSON value per line. */
export const NDJSON = "application/x-ndjson";

/** Whether a request asks for a streamed NDJSON answer: `Accept: application/x-ndjson` or `?stream=1`. */
export function wantsNdjson(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  if (accept.split(",").some((part) => part.split(";")[0]?.trim().toLowerCase() === NDJSON)) return true;
  const stream = new URL(request.url).searchParams.get("stream");
  return stream === "1" || stream === "true";
}

/** One NDJSON line (JSON never contains a raw newline, so a line is always one value). */
export function ndjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export interface Throttle<T> {
  /** Emits now when the last emission is `intervalMs` old; otherwise keeps the value, emitted when the time comes. */
  push(value: T): void;
  /** Emits the kept value now, if any. */
  flush(): void;
  /** Drops the kept value and its timer. */
  cancel(): void;
}

/**
 * At most one emission per `intervalMs`, leading and trailing: the first value goes out at once, later ones
 * within the interval replace each other and the last goes out when the interval ends. Nothing is lost but
 * values superseded by newer ones.
 */
export function throttle<T>(emit: (value: T) => void, intervalMs: number, now: () => number = Date.now): Throttle<T> {
  let last = Number.NEGATIVE_INFINITY;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = now();
    emit(value);
  };
  return {
    push(value) {
      pending = { value };
      if (timer) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** A stream's last line when the work failed after the 200 went out: the error as the JSON API would answer it. */
export interface NdjsonErrorLine {
  type: "error";
  error: { code: string; message: string; status: number; details?: Record<string, unknown> };
}

export interface ProgressStreamOptions {
  /**
   * The answer's status and headers are held back this long: work that ends (or fails) sooner is answered as
   * usual, so whole-request refusals keep their 4xx JSON; longer work gets a 200 streaming its progress.
   */
  graceMs?: number;
  /** At most one progress line per this many milliseconds. */
  intervalMs?: number;
  /** Aborted when the client goes away; the work is then stopped at its next progress report. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Thrown out of the work's progress callback when nobody is listening any more, to stop it. */
export class ClientGone extends DomainError {
  constructor() {
    super("client_closed", "The client closed the request.", 499);
    this.name = "ClientGone";
  }
}

/**
 * Runs `work` and answers with NDJSON: `{"type":"progress",...}` lines (throttled) while it runs, then
 * `{"type":"result",...}` with what it returned, or `{"type":"error","error":{code,message,details}}` if it
 * failed after the answer had begun. A failure within the grace period rejects the returned promise instead,
 * so the caller answers it as any other error (a 4xx JSON body).
 */
export function ndjsonProgressResponse<P extends object, R extends object>(
  work: (onProgress: (progress: P) => void) => Promise<R>,
  options: ProgressStreamOptions = {},
): Promise<Response> {
  const { graceMs = 250, intervalMs = 100, signal } = options;
  const headers = {
    "Content-Type": `${NDJSON}; charset=utf-8`,
    // no-transform keeps compression (which buffers) off; X-Accel-Buffering does the same for nginx.
    "Cache-Control": "no-store, no-transform",
    "X-Accel-Buffering": "no",
    ...options.headers,
  };
  return new Promise<Response>((resolve, reject) => {
    const encoder = new TextEncoder();
    let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
    let gone = false;
    let latest: P | null = null;
    const write = (value: unknown) => {
      if (!controller || gone) return;
      try {
        controller.enqueue(encoder.encode(ndjsonLine(value)));
      } catch {
        gone = true;
      }
    };
    const end = () => {
      if (!controller || gone) return;
      gone = true;
      try {
        controller.close();
      } catch {
        // already closed or errored by the reader
      }
    };
    const progress = throttle<P>((p) => write({ type: "progress", ...p }), intervalMs);
    const commit = () => {
      if (controller) return;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
        cancel() {
          gone = true;
          progress.cancel();
        },
      });
      if (latest) progress.push(latest);
      resolve(new Response(body, { status: 200, headers }));
    };
    const timer = setTimeout(commit, graceMs);

    work((p) => {
      if (gone || signal?.aborted) throw new ClientGone();
      latest = p;
      if (controller) progress.push(p);
    }).then(
      (result) => {
        clearTimeout(timer);
        if (!controller) {
          resolve(new Response(ndjsonLine({ type: "result", ...result }), { status: 200, headers }));
          return;
        }
        progress.cancel();
        write({ type: "result", ...result });
        end();
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!controller) {
          reject(error);
          return;
        }
        progress.cancel();
        if (!gone && !(error instanceof ClientGone)) {
          const { status, body } = errorBody(error);
          const line: NdjsonErrorLine = { type: "error", error: { ...body.error, status } };
          write(line);
        }
        end();
      },
    );
  });
}
