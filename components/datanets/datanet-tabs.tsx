"use client";

import { ClipboardCheck, GitCommitVertical, Info, type LucideIcon, Rows3, Upload, Users } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { DATANET_TABS, type DatanetTabId, datanetTab } from "./datanet-tab-ids";

const TAB_LABELS: Record<DatanetTabId, { label: string; icon: LucideIcon }> = {
  overview: { label: "Overview", icon: Info },
  rows: { label: "Rows", icon: Rows3 },
  contributors: { label: "Contributors", icon: Users },
  versions: { label: "Versions", icon: GitCommitVertical },
  contribute: { label: "Contribute", icon: Upload },
  review: { label: "Review", icon: ClipboardCheck },
};

/**
 * The Datanet page's tabs; the active one lives in the URL (?tab=), so it can be linked and
 * survives a reload. Switching only rewrites the URL: every panel is already rendered by the server.
 */
export function DatanetTabs({ panels }: { panels: Record<DatanetTabId, ReactNode> }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const active = datanetTab(searchParams.get("tab"));

  const select = (value: string) => {
    const next = new URLSearchParams(searchParams.toString());
    if (value === "overview") next.delete("tab");
    else next.set("tab", value);
    const search = next.toString();
    // Next keeps useSearchParams in step with history.replaceState, without a server round trip.
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };

  return (
    <Tabs value={active} onValueChange={select} className="gap-6">
      <TabsList aria-label="Datanet sections" className="h-auto w-full flex-wrap justify-start sm:w-fit">
        {DATANET_TABS.map((tab) => {
          const { label, icon: Icon } = TAB_LABELS[tab];
          return (
            <TabsTrigger key={tab} value={tab}>
              <Icon aria-hidden="true" className="hidden sm:block" />
              {label}
            </TabsTrigger>
          );
        })}
      </TabsList>
      {DATANET_TABS.map((tab) => (
        <TabsContent key={tab} value={tab}>
          {panels[tab]}
        </TabsContent>
      ))}
    </Tabs>
  );
}
