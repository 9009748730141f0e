import type { DatanetDetail } from "@/lib/datanets/get";
import { ContributorsBoard } from "./contributors/contributors-board";

/** The Contributors tab: who added the rows, ranked, with their share of the Datanet. */
export function DatanetContributorsTab({ datanet }: { datanet: DatanetDetail }) {
  return <ContributorsBoard datanetId={datanet.id} />;
}
