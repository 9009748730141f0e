import type { BrowsedRow, RowsQuery } from "@/lib/datanets/browse";

/** GET /api/datanets/:id/rows (lib/datanets/browse.ts listRows), as JSON: dates arrive as strings. */
export interface RowsPage {
  items: (Omit<BrowsedRow, "createdAt"> & { createdAt: string })[];
  total: number;
  page: number;
  pageSize: number;
}

export type RowStatusFilter = RowsQuery["status"];
