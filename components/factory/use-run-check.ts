"use client";

import { useQuery } from "@tanstack/react-query";
import { useDebounced } from "@/components/datanets/rows/use-debounced";
import { ApiError, fetchJson } from "@/components/datanets/versions/api-client";
import type { BaseModelFacts } from "@/lib/factory/base-models/registry";
import type { RunEstimate } from "@/lib/factory/estimate";
import { serverIssuesOf } from "./server-issues";
import { type ConfigIssue, checkDraft, draftToConfig, type WizardDraft } from "./wizard-draft";

export type EstimateJson = Omit<RunEstimate, "basedOn"> & {
  basedOn: { runId: string; name: string; finishedAt: string };
};

/**
 * The server's look at the draft, once it is valid here and stops changing: POST /api/training-runs/estimate checks
 * the config against the database as a launch would (Datanets, versions, the column mapping, the labels) and
 * estimates its time and memory. One query per config, shared by the steps that show it.
 */
export function useRunCheck(draft: WizardDraft, base: BaseModelFacts | undefined) {
  const valid = checkDraft(draft, base).length === 0;
  const config = useDebounced(valid ? JSON.stringify(draftToConfig(draft)) : null, 400);
  const query = useQuery({
    queryKey: ["run-estimate", config],
    enabled: config !== null,
    queryFn: () =>
      fetchJson<{ estimate: EstimateJson | null }>("/api/training-runs/estimate", {
        json: JSON.parse(config as string),
      }),
    staleTime: 30_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 422) && count < 2,
  });
  /** What a launch would be refused for (a 422's fields), before anyone presses Launch. */
  const issues: ConfigIssue[] = query.error instanceof ApiError ? serverIssuesOf(query.error) : [];
  return { valid, query, issues };
}
