import type { TwinDatanet } from "@/lib/datanets/contributions/twin-names";
import type { FileParse } from "@/lib/datanets/ingest/types";
import type { QualityReport } from "@/lib/datanets/quality/report";

/** What the Contribute tab needs to know of its Datanet (plain data, handed from the server page). */
export interface ContributeTarget {
  id: string;
  slug: string;
  name: string;
  kind: "text" | "instruction" | "labelled";
  license: string;
  minReviews: number;
}

/** One file as the preview read it (its rows are in `sample` and the report). */
export type PreviewFile = Omit<FileParse, "rows"> & {
  /** Rows the file gave, when the server says so. */
  rowCount?: number;
};

export interface SampleRow {
  position: number;
  file: string;
  line: number;
  fields: Record<string, string>;
}

/** POST /api/datanets/:id/contributions/preview → 200 (lib/datanets/contributions/preview.ts). */
export interface PreviewResult {
  files: PreviewFile[];
  sample: SampleRow[];
  report: QualityReport;
  /** Name and slug of every Datanet the report's flags point into (stored duplicates and twins), by id. */
  twinDatanets: Record<string, TwinDatanet>;
  redactedRows: number;
  rowCount: number;
  contentRoot: `0x${string}`;
  license: string;
  /** The Datanet's id as the uint256 the signature names, in decimal. */
  datanetSigningId: string;
}

/** POST /api/datanets/:id/contributions → 201. */
export interface SubmittedContribution {
  contribution: { id: string; status: string; rowCount: number; contentRoot: string; createdAt: string };
  report: QualityReport;
}

/** The API's error body, `{ error: { code, message, details } }`; network trouble gets a code of its own. */
export interface ApiError {
  code: string;
  message: string;
  status?: number;
  details?: Record<string, unknown>;
}

/** Which column feeds each row field, per file name. */
export type Mappings = Record<string, Partial<Record<"text" | "prompt" | "completion" | "label", string>>>;

/** How the server is asked to read the files; the same options must go with the signed submission. */
export interface ReadOptions {
  mappings: Mappings;
  redactPii: boolean;
}

/** A file in the drop list; `id` keeps React keys stable when names repeat across drops. */
export interface DroppedFile {
  id: string;
  file: File;
}
