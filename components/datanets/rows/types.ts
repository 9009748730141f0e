/** GET /api/datanets/:id/rows (lib/datanets/browse.ts listRows), as JSON. */
export interface RowsPage {
  items: {
    id: string;
    fields: Record<string, string>;
    file: string;
    line: number;
    rowHash: string;
    flags: { type: string }[];
    rejected: boolean;
    contributionId: string;
    contributionStatus: "pending" | "accepted" | "rejected";
    contributor: string;
    createdAt: string;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

export type RowStatusFilter = "accepted" | "pending" | "all";
