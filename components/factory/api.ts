import { fetchJson } from "@/components/datanets/versions/api-client";
import type { RunConfigInput } from "@/lib/factory/config";
import type { RunDetail, RunSummary } from "@/lib/factory/runs";
import type { Wire } from "@/lib/http/json-wire";

type Json<T> = Wire<T>;

export type RunSummaryJson = Json<RunSummary>;
export type RunDetailJson = Json<RunDetail>;
export type RunStatus = RunSummary["status"];
export type MetricPoint = RunDetailJson["metrics"][number];

export const runApi = (id: string, ...segments: string[]) =>
  ["/api/training-runs", encodeURIComponent(id), ...segments].join("/");

export async function fetchRuns(): Promise<RunSummaryJson[]> {
  return (await fetchJson<{ runs: RunSummaryJson[] }>("/api/training-runs")).runs;
}

/** A run; with `metricsAfterStep`, only the metric points after that step. */
export async function fetchRun(id: string, metricsAfterStep?: number): Promise<RunDetailJson> {
  const query = metricsAfterStep === undefined ? "" : `?metricsAfterStep=${metricsAfterStep}`;
  return (await fetchJson<{ run: RunDetailJson }>(`${runApi(id)}${query}`)).run;
}

export async function launchRun(config: RunConfigInput): Promise<RunDetailJson> {
  return (await fetchJson<{ run: RunDetailJson }>("/api/training-runs", { json: config })).run;
}

export async function runAction(id: string, action: "cancel" | "resume"): Promise<RunDetailJson> {
  return (await fetchJson<{ run: RunDetailJson }>(runApi(id, action), { method: "POST" })).run;
}

/** Statuses a run may still change from by itself: the run page polls while in one. */
export const LIVE_STATUSES: readonly RunStatus[] = ["queued", "running"];
