import type { DatanetDetail } from "@/lib/datanets/get";
import { ContributeTab } from "./contribute/contribute-tab";

/** The Contribute tab: drop files, check the rows, sign the contribution. */
export function DatanetContributeTab({ datanet }: { datanet: DatanetDetail }) {
  return (
    <ContributeTab
      target={{
        id: datanet.id,
        slug: datanet.slug,
        name: datanet.name,
        kind: datanet.kind,
        license: datanet.license,
        minReviews: datanet.review.minReviews,
      }}
    />
  );
}
