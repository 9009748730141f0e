import type { CreateDatanet } from "@/lib/datanets/schemas";

/** The API's error body (lib/http/responses.ts). */
export interface ApiError {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type PostDatanetResult = { ok: true; slug: string; name: string } | { ok: false; error: ApiError };

/** POST /api/datanets; a network failure or an unreadable answer comes back as an ApiError too. */
export async function postDatanet(input: CreateDatanet): Promise<PostDatanetResult> {
  let response: Response;
  try {
    response = await fetch("/api/datanets", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, error: { code: "network", message: "Could not reach the server: check your connection." } };
  }
  const body = (await response.json().catch(() => null)) as {
    datanet?: { slug: string; name: string };
    error?: ApiError;
  } | null;
  if (response.status === 201 && body?.datanet) return { ok: true, slug: body.datanet.slug, name: body.datanet.name };
  return {
    ok: false,
    error: body?.error ?? { code: "http_error", message: `The server answered HTTP ${response.status}.` },
  };
}
