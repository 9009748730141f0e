import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { checkBaseModel } from "./base-models/resolve";
import {
  type ColumnMapping,
  checkColumnsForTask,
  type DatanetKind,
  defaultColumns,
  FIELDS_OF_KIND,
  MAX_LABELS,
  missingFields,
} from "./columns";
import { type ParsedRunConfig, type RunConfig, TASK_FOR_KIND, type TrainingTask, totalStepsFor } from "./config";

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

/**
 * The task a raw (unparsed) config's first Datanet implies, when it names none: what its preset's values depend on.
 * Undefined when the config names a task or its first Datanet cannot be found (the parse and checks report that).
 */
export async function inferTask(db: Db, input: unknown): Promise<TrainingTask | undefined> {
  const data = (input as { data?: { task?: unknown; versions?: { datanetId?: unknown }[] } } | null)?.data;
  if (data?.task !== undefined || !Array.isArray(data?.versions)) return undefined;
  const datanetId = data.versions[0]?.datanetId;
  if (typeof datanetId !== "string") return undefined;
  const datanet = await db.datanet.findUnique({ where: { id: datanetId }, select: { kind: true } });
  return datanet ? TASK_FOR_KIND[datanet.kind] : undefined;
}

const ALL_KINDS: readonly DatanetKind[] = ["text", "instruction", "labelled"];

/** The label values of a classification run's versions, each read through its mapping (at most MAX_LABELS + 1). */
async function distinctLabels(
  db: Db,
  versions: readonly { versionId: string; kind: DatanetKind }[],
  given: ColumnMapping | undefined,
): Promise<Set<string>> {
  const labels = new Set<string>();
  for (const version of versions) {
    const label = (given ?? defaultColumns("classification", version.kind))?.label;
    if (!label) continue;
    const rows = await db.$queryRaw<{ label: string | null }[]>`
      SELECT DISTINCT btrim(r.fields->>${label}, E' \\t\\r\\n') AS label
        FROM version_rows v JOIN datanet_rows r ON r.id = v.row_id
       WHERE v.version_id = ${version.versionId}
       LIMIT ${MAX_LABELS + 1}`;
    for (const row of rows) labels.add(row.label ?? "");
    if (labels.size > MAX_LABELS) break;
  }
  return labels;
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
  // The base model: the catalog or an imported checkpoint, with the context length and modules it has.
  const issues: ConfigIssue[] = checkBaseModel(parsed);
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
  const given = parsed.data.columns;
  if (task && given) issues.push(...checkColumnsForTask(task, given));
  if (task && issues.length === 0) {
    for (const version of versions) {
      if (given) {
        const missing = missingFields(version.kind, given);
        if (missing.length === 0) continue;
        issues.push({
          path: "data.columns",
          message: `"${version.datanetName}" holds ${version.kind} rows (${FIELDS_OF_KIND[version.kind].join(", ")}), which have no ${missing.join(" or ")} column`,
        });
      } else if (!defaultColumns(task, version.kind)) {
        issues.push({
          path: parsed.data.task ? "data.task" : `data.versions.${version.index}.datanetId`,
          message: `"${version.datanetName}" holds ${version.kind} rows, which a ${task} run cannot train on (it takes ${ALL_KINDS.filter(
            (kind) => defaultColumns(task, kind),
          ).join(" or ")} Datanets)`,
        });
      }
    }
  }
  if (task === "classification" && issues.length === 0) {
    const labels = await distinctLabels(db, versions, given);
    const field = given ? "data.columns.label" : "data.task";
    const labelColumns = [
      ...new Set(versions.map((v) => (given ?? defaultColumns("classification", v.kind))?.label).filter(Boolean)),
    ].join(" / ");
    if (labels.size < 2) {
      issues.push({
        path: field,
        message: `classification needs at least two labels; these rows have ${labels.size === 0 ? "none" : `only "${[...labels][0]}"`}`,
      });
    } else if (labels.size > MAX_LABELS) {
      issues.push({
        path: field,
        message: `the label column (${labelColumns}) holds more than ${MAX_LABELS} different values; a classifier takes at most ${MAX_LABELS} labels: choose another label column or another task`,
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
