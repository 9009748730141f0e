import { ExternalLink } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { shortHash } from "./format";

type VersionRowProps = {
  datanetSlug: string;
  datanetName: string;
  version: number;
  rowCount: number;
  merkleRoot: string;
  /** What the root is called here ("root", "on-chain root"). */
  rootLabel?: string;
  /** Shown between the link and the row count (a kind badge, an icon…). */
  tag?: ReactNode;
  /** Shown after the root (a tx, an error, a button). */
  children?: ReactNode;
  className?: string;
};

/** One Datanet version in a list: a link to it, its row count and its Merkle root (the wizard, a run's and a model's lineage). */
export function VersionRow({
  datanetSlug,
  datanetName,
  version,
  rowCount,
  merkleRoot,
  rootLabel = "root",
  tag,
  children,
  className,
}: VersionRowProps) {
  return (
    <li
      className={cn(
        "grid gap-1 rounded-lg border bg-card px-3 py-2 text-sm sm:flex sm:flex-wrap sm:items-center sm:gap-x-4",
        className,
      )}
    >
      <Link
        href={`/datanets/${datanetSlug}/versions/${version}`}
        className="inline-flex items-center gap-1 font-medium underline-offset-4 hover:underline"
      >
        {datanetName} · v{version}
        <ExternalLink className="size-3" aria-hidden="true" />
      </Link>
      {tag}
      <span className="text-muted-foreground tabular-nums">{rowCount.toLocaleString("en")} rows</span>
      <span className="break-all font-mono text-muted-foreground text-xs" title={merkleRoot}>
        {rootLabel} {shortHash(merkleRoot)}
      </span>
      {children}
    </li>
  );
}
