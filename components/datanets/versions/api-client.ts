/** An error answer of the app's API: `{"error":{"code","message","details"}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Fetches JSON from the app's API; a 4xx/5xx answer throws an ApiError carrying its code and message. */
export async function fetchJson<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const response = await fetch(url, {
    cache: "no-store",
    ...rest,
    ...(json === undefined
      ? {}
      : { method: rest.method ?? "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(json) }),
  });
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  } | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `The server answered ${response.status}.`,
      body?.error?.details,
    );
  }
  return body as T;
}

/** The API path of a Datanet, with more segments. */
export function datanetApi(datanetId: string, ...segments: (string | number)[]): string {
  return ["/api/datanets", encodeURIComponent(datanetId), ...segments.map((s) => encodeURIComponent(String(s)))].join(
    "/",
  );
}
