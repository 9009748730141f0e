/** The tabs of a Datanet's page, in order; the URL's ?tab= names one. */
export const DATANET_TABS = ["overview", "rows", "contributors", "versions", "contribute", "review"] as const;
export type DatanetTabId = (typeof DATANET_TABS)[number];

/** The tab a ?tab= value names, Overview for anything else. */
export function datanetTab(value: unknown): DatanetTabId {
  return DATANET_TABS.find((tab) => tab === value) ?? "overview";
}
