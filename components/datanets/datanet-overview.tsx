import { FileText } from "lucide-react";
import { Markdown } from "@/components/ui/markdown";
import type { DatanetDetail } from "@/lib/datanets/get";
import { DatanetStats } from "./datanet-stats";
import { KIND_INFO } from "./kind-info";
import { ReviewSettingsSummary } from "./review-settings-summary";

/** The Overview tab: statistics, the description, the row schema and the review rule. */
export function DatanetOverview({ datanet }: { datanet: DatanetDetail }) {
  const kind = KIND_INFO[datanet.kind];
  return (
    <div className="flex flex-col gap-6">
      <DatanetStats stats={datanet.stats} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="about-datanet" className="self-start rounded-xl border bg-card p-5 shadow-xs sm:p-6">
          <h2 id="about-datanet" className="mb-4 flex items-center gap-2 font-semibold">
            <FileText className="size-4 text-primary" aria-hidden="true" />
            About
          </h2>
          {datanet.description.trim() ? (
            <Markdown>{datanet.description}</Markdown>
          ) : (
            <p className="text-muted-foreground text-sm">The owner has not written a description yet.</p>
          )}
        </section>
        <div className="flex flex-col gap-6 self-start">
          <section aria-labelledby="row-schema" className="flex flex-col gap-3 rounded-xl border bg-card p-5 shadow-xs">
            <h2 id="row-schema" className="font-semibold">
              Rows: {kind.label.toLowerCase()}
            </h2>
            <p className="text-muted-foreground text-sm">{kind.description}</p>
            <p className="font-mono text-primary text-xs">{kind.schema}</p>
            <code className="block whitespace-pre-wrap break-words rounded-md bg-muted px-2 py-1.5 font-mono text-[11px] text-muted-foreground">
              {JSON.stringify(kind.example)}
            </code>
          </section>
          <ReviewSettingsSummary review={datanet.review} />
        </div>
      </div>
    </div>
  );
}
