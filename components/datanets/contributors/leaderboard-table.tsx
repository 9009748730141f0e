import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AddressAvatar } from "@/components/wallet/address-avatar";
import { formatCount, shortAddress } from "../format";
import { ShareBar } from "./share-bar";
import type { ContributorStandingJson } from "./types";

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** The leaderboard: rank, contributor, accepted rows and share, contributions and first contribution. */
export function LeaderboardTable({
  contributors,
  totalRows,
  viewer,
}: {
  contributors: ContributorStandingJson[];
  totalRows: number;
  viewer: string | undefined;
}) {
  return (
    <Table aria-label="Contributors leaderboard">
      <TableHeader>
        <TableRow>
          <TableHead className="w-12">Rank</TableHead>
          <TableHead>Contributor</TableHead>
          <TableHead className="text-right">Accepted rows</TableHead>
          <TableHead>Share</TableHead>
          <TableHead className="text-right">Contributions</TableHead>
          <TableHead>First contribution</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {contributors.map((c, index) => (
          <TableRow
            key={c.address}
            id={`contributor-${c.address.toLowerCase()}`}
            className="scroll-mt-24 target:bg-accent/60"
          >
            <TableCell className="font-semibold tabular-nums">{index + 1}</TableCell>
            <TableCell>
              <span className="flex items-center gap-2 whitespace-nowrap font-mono text-xs" title={c.address}>
                <AddressAvatar address={c.address} size={20} />
                {shortAddress(c.address)}
                {viewer && viewer.toLowerCase() === c.address.toLowerCase() ? (
                  <Badge variant="accent">you</Badge>
                ) : null}
              </span>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(c.acceptedRows)}
              {c.pendingRows > 0 ? (
                <span className="block text-muted-foreground text-xs">+{formatCount(c.pendingRows)} pending</span>
              ) : null}
            </TableCell>
            <TableCell>
              <ShareBar share={totalRows > 0 ? c.acceptedRows / totalRows : 0} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(c.acceptedContributions)}
              <span className="text-muted-foreground"> / {formatCount(c.contributions)}</span>
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              {date.format(new Date(c.firstContributionAt))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
