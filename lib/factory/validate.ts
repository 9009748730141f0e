import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import {
  KINDS_FOR_TASK,
  type ParsedRunConfig,
  type RunConfig,
  TASK_FOR_KIND,
  type TrainingTask,
  totalStepsFor,
} from "./config";

/** One Datanet version a run trains on, as checked against the database. */
export interface ResolvedVersion {
  versionId: string;
  datanetId: string;
  datanetName: string;
  kind: "text" | "instruction" | "labelled";
  number: number;
  rowCount: number;
  merkleRoot: string;
}

export interface ResolvedRun {
  config: RunConfig;
  versions: ResolvedVersion[];
  totalSteps: number;
}

export interface ConfigIssue {
  path: string;
  message: string;
}

/** A config that parses but does not fit the database: 422 with every problem and its field path. */
export function invalidRunConfig(issues: ConfigIssue[]): DomainError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  return new DomainError("invalid_run_config", summary, 422, { field: issues[0]?.path, issues });
}

/**
 * Checks a parsed config against the database and resolves what it left open: every Datanet exists and
 * `userId` may see it (a private one: its owner only), every version exists and is published (confirmed
 * on-chain; drafts and pending or failed sends are not), and the task fits every Datanet's kind (inferred
 * from the first Datanet when not given). Also fills the run name and computes total steps from the versions'
 * row counts. Throws invalidRunConfig with every problem found.
 */
export async function resolveRunConfig(db: Db, userId: string, parsed: ParsedRunConfig): Promise<ResolvedRun> {
  const refs = parsed.data.versions;
  const datanets = await db.datanet.findMany({
    where: { id: { in: [...new Set(refs.map((ref) => ref.datanetId))] } },
    select: {
      id: true,
      name: true,
      kind: true,
      visibility: true,
      ownerId: true,
      versions: {
        where: { number: { in: [...new Set(refs.map((ref) => ref.version))] } },
        select: { id: true, number: true, status: true, rowCount: true, merkleRoot: true },
      },
    },
  });
  const byId = new Map(datanets.map((d) => [d.id, d]));
  const issues: ConfigIssue[] = [];
  const versions: (ResolvedVersion & { index: number })[] = [];
  refs.forEach((ref, index) => {
    const datanet = byId.get(ref.datanetId);
    if (!datanet || (datanet.visibility === "private" && datanet.ownerId !== userId)) {
      issues.push({ path: `data.versions.${index}.datanetId`, message: `no Datanet "${ref.datanetId}"` });
      return;
    }
    const version = datanet.versions.find((v) => v.number === ref.version);
    if (!version) {
      issues.push({
        path: `data.versions.${index}.version`,
        message: `Datanet "${datanet.name}" has no version ${ref.version}`,
      });
      return;
    }
    if (version.status !== "confirmed") {
      issues.push({
        path: `data.versions.${index}.version`,
        message: `version ${ref.version} of "${datanet.name}" is not published on-chain yet (${version.status})`,
      });
      return;
    }
    versions.push({
      index,
      versionId: version.id,
      datanetId: datanet.id,
      datanetName: datanet.name,
      kind: datanet.kind,
      number: version.number,
      rowCount: version.rowCount,
      merkleRoot: version.merkleRoot,
    });
  });

  const first = versions[0];
  const task: TrainingTask | undefined = parsed.data.task ?? (first ? TASK_FOR_KIND[first.kind] : undefined);
  if (task) {
    for (const version of versions) {
      if (KINDS_FOR_TASK[task].includes(version.kind)) continue;
      issues.push({
        path: parsed.data.task ? "data.task" : `data.versions.${version.index}.datanetId`,
        message: `"${version.datanetName}" holds ${version.kind} rows, which a ${task} run cannot train on (it takes ${KINDS_FOR_TASK[
          task
        ].join(" or ")} Datanets)`,
      });
    }
  }
  if (issues.length > 0 || !task || !first) throw invalidRunConfig(issues);

  const rows = versions.reduce((sum, version) => sum + version.rowCount, 0);
  const name =
    parsed.name ??
    `${parsed.baseModel} on ${versions.map((v) => `${v.datanetName} v${v.number}`).join(", ")}`.slice(0, 100);
  const config: RunConfig = { ...parsed, name, data: { ...parsed.data, task } };
  return {
    config,
    versions: versions.map(({ index: _index, ...version }) => version),
    totalSteps: totalStepsFor(config, rows),
  };
}
