import { fetchJson } from "@/components/datanets/versions/api-client";
import type { PublishModelCall } from "@/lib/factory/models/prepare";
import type { ModelDetail, ModelSummary } from "@/lib/factory/models/read";
import type { Wire } from "@/lib/http/json-wire";

type Json<T> = Wire<T>;

export type ModelSummaryJson = Json<ModelSummary>;
export type ModelDetailJson = Json<ModelDetail>;

/** POST /api/training-runs/:id/model: the draft and the publishModel call for the wallet. */
export interface PreparedModelJson {
  model: { id: string; name: string; status: "draft" | "published"; pricePer1k: string };
  call: PublishModelCall;
  registry: `0x${string}`;
  chainId: number;
}

export const runModelUrl = (runId: string) => `/api/training-runs/${encodeURIComponent(runId)}/model`;
export const modelUrl = (id: string, ...segments: string[]) =>
  ["/api/models", encodeURIComponent(id), ...segments].join("/");

export async function fetchRunModel(runId: string): Promise<ModelSummaryJson | null> {
  return (await fetchJson<{ model: ModelSummaryJson | null }>(runModelUrl(runId))).model;
}

export function prepareRunModel(runId: string, pricePer1k: string): Promise<PreparedModelJson> {
  return fetchJson<PreparedModelJson>(runModelUrl(runId), { json: { pricePer1k: pricePer1k.trim() } });
}
