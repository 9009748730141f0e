import type { ApiError } from "./types";

export interface SendProgress {
  /** Bytes of the request body sent so far, and in all (0 while unknown). */
  loaded: number;
  total: number;
}

export type SendResult<T> = { ok: true; status: number; body: T } | { ok: false; error: ApiError };

export interface SendHandlers {
  onUploadProgress?: (progress: SendProgress) => void;
  /** The body is fully sent: the server is working on it now. */
  onUploaded?: () => void;
}

/** Thrown (as the promise's rejection) when the request was aborted on purpose. */
export class SendAborted extends Error {
  constructor() {
    super("The request was cancelled.");
    this.name = "SendAborted";
  }
}

/**
 * POSTs multipart form data with XMLHttpRequest, which, unlike fetch, reports upload progress.
 * Resolves with the JSON body (2xx) or the API's error; rejects with SendAborted after `abort()`.
 */
export function sendForm<T>(url: string, form: FormData, handlers: SendHandlers = {}) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<SendResult<T>>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      handlers.onUploadProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    };
    xhr.upload.onload = () => handlers.onUploaded?.();
    xhr.onabort = () => reject(new SendAborted());
    xhr.onerror = () =>
      resolve({
        ok: false,
        error: { code: "network", message: "Could not reach the server: check your connection and try again." },
      });
    xhr.onload = () => {
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
