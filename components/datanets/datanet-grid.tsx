import type { DatanetSummary } from "@/lib/datanets/list";
import { DatanetCard } from "./datanet-card";

/** The list's cards: one column on phones, up to three on wide screens. */
export function DatanetGrid({ datanets }: { datanets: DatanetSummary[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {datanets.map((datanet) => (
        <li key={datanet.id} className="grid">
          <DatanetCard datanet={datanet} />
        </li>
      ))}
    </ul>
  );
}
