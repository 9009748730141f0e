import { responseTextReader } from "./ndjson-parser";
import type { ApiError } from "./types";

export interface SendProgress {
  /** Bytes of the request body sent so far, and in all (0 while unknown). */
  loaded: number;
  total: number;
}

export type SendResult<T> = { ok: true; status: number; body: T } | { ok: false; error: ApiError };

export interface SendHandlers<P = unknown> {
  onUploadProgress?: (progress: SendProgress) => void;
  /** The body is fully sent: the server is working on it now. */
  onUploaded?: () => void;
  /**
   * Asks for a streamed answer (`Accept: application/x-ndjson`) and receives the server's progress lines
   * (`{"type":"progress",...}`, without `type`) as they arrive; the final `result` line is the body.
   */
  onServerProgress?: (progress: P) => void;
}

type StreamLine = { type: "progress" } | { type: "result" } | { type: "error"; error?: Partial<ApiError> };

function streamLine(value: unknown): StreamLine | null {
  if (typeof value !== "object" || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return type === "progress" || type === "result" || type === "error" ? (value as StreamLine) : null;
}

/** Thrown (as the promise's rejection) when the request was aborted on purpose. */
export class SendAborted extends Error {
  constructor() {
    super("The request was cancelled.");
    this.name = "SendAborted";
  }
}

const NETWORK_ERROR: ApiError = {
  code: "network",
  message: "Could not reach the server: check your connection and try again.",
};

/**
 * POSTs multipart form data with XMLHttpRequest, which, unlike fetch, reports upload progress.
 * Resolves with the JSON body (2xx) or the API's error; rejects with SendAborted after `abort()`.
 * With `onServerProgress`, asks for NDJSON and parses the answer as it grows (responseText on progress).
 */
export function sendForm<T, P = unknown>(url: string, form: FormData, handlers: SendHandlers<P> = {}) {
  const xhr = new XMLHttpRequest();
  const streamed = handlers.onServerProgress !== undefined;
  const promise = new Promise<SendResult<T>>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", streamed ? "application/x-ndjson, application/json;q=0.9" : "application/json");
    xhr.upload.onprogress = (event) => {
      handlers.onUploadProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    };
    xhr.upload.onload = () => handlers.onUploaded?.();
    xhr.onabort = () => reject(new SendAborted());
    xhr.onerror = () => resolve({ ok: false, error: NETWORK_ERROR });

    // NDJSON answers: progress lines go to the handler as they arrive; the last line is the result or error.
    const reader = responseTextReader();
    let final: StreamLine | null = null;
    let broken = false;
    const isNdjson = () => (xhr.getResponseHeader("Content-Type") ?? "").includes("application/x-ndjson");
    const take = (values: unknown[]) => {
      for (const value of values) {
        const line = streamLine(value);
        if (line?.type === "progress") {
          const { type: _type, ...progress } = line;
          handlers.onServerProgress?.(progress as P);
        } else if (line) final = line;
      }
    };
    const read = (end: boolean) => {
      if (broken) return;
      try {
        take(end ? reader.end(xhr.responseText) : reader.read(xhr.responseText));
      } catch {
        broken = true;
      }
    };
    if (streamed) {
      xhr.onprogress = () => {
        if (xhr.status >= 200 && xhr.status < 300 && isNdjson()) read(false);
      };
    }

    xhr.onload = () => {
      if (streamed && xhr.status >= 200 && xhr.status < 300 && isNdjson()) {
        read(true);
        const last = final as StreamLine | null;
        if (last?.type === "result") {
          const { type: _type, ...body } = last;
          resolve({ ok: true, status: xhr.status, body: body as T });
        } else if (last?.type === "error") {
          resolve({
            ok: false,
            error: {
              code: last.error?.code ?? "internal_error",
              message: last.error?.message ?? "The server failed while checking the files.",
              ...(last.error?.status ? { status: last.error.status } : {}),
              ...(last.error?.details ? { details: last.error.details } : {}),
            },
          });
        } else {
          resolve({
            ok: false,
            error: {
              code: "incomplete_answer",
              message: "The server's answer broke off before the end. Try again.",
              status: xhr.status,
            },
          });
        }
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== null) {
        resolve({ ok: true, status: xhr.status, body: body as T });
        return;
      }
      const error = (body as { error?: ApiError } | null)?.error;
      resolve({
        ok: false,
        error: {
          code: error?.code ?? "http_error",
          message: error?.message ?? `The server answered HTTP ${xhr.status}.`,
          status: xhr.status,
          ...(error?.details ? { details: error.details } : {}),
        },
      });
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
