import { type ListDatanetsQuery, listDatanetsSchema } from "@/lib/datanets/schemas";

/** Datanets per page of the list: a grid of 3 × 4 on wide screens. */
export const LIST_PAGE_SIZE = 12;

type RawSearchParams = Record<string, string | string[] | undefined>;

const KEYS = ["q", "tag", "domain", "kind", "sort", "page"] as const;

/**
 * The list query from a page's search params. A hand-edited URL with a bad value (page=-1,
 * kind=poem) drops that value instead of failing the page.
 */
export function parseListQuery(raw: RawSearchParams): ListDatanetsQuery {
  const input: Record<string, string> = { pageSize: String(LIST_PAGE_SIZE) };
  for (const key of KEYS) {
    const value = raw[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first?.trim()) input[key] = first;
  }
  const parsed = listDatanetsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete input[String(issue.path[0])];
  return listDatanetsSchema.parse(input);
}

/** Whether any filter narrows the list (sorting and paging do not). */
export function hasFilters(query: ListDatanetsQuery): boolean {
  return Boolean(query.q || query.tag || query.domain || query.kind);
}

/** The list URL for a query, leaving defaults out; `page` 1 is the default. */
export function listHref(query: Partial<ListDatanetsQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.tag) params.set("tag", query.tag);
  if (query.domain) params.set("domain", query.domain);
  if (query.kind) params.set("kind", query.kind);
  if (query.sort && query.sort !== "newest") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/datanets?${search}` : "/datanets";
}
