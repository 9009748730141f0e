"use client";

import { FileText } from "lucide-react";
import { CopyButton } from "@/components/debug/copy-button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { ContributorLink } from "../contributors/contributor-link";
import { ContributionStatusBadge } from "./contribution-status-badge";

type ContributionPopoverProps = {
  slug: string;
  contributionId: string;
  status: "pending" | "accepted" | "rejected";
  contributor: string;
  file: string;
  line: number;
  createdAt: string;
};

/** The contribution a row came from: its id, status, source file and line, and who signed it. */
export function ContributionPopover(props: ContributionPopoverProps) {
  return (
    <Popover>
      <PopoverTrigger
        className="inline-flex max-w-40 items-center gap-1 truncate rounded-md text-left font-mono text-muted-foreground text-xs hover:text-primary hover:underline"
        aria-label={`Contribution ${props.contributionId}`}
      >
        <FileText className="size-3.5 shrink-0" aria-hidden="true" />
        <span className="truncate">
          {props.file}:{props.line}
        </span>
      </PopoverTrigger>
      <PopoverContent className="grid w-72 gap-2 text-sm">
        <p className="font-medium">Contribution</p>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1.5 text-xs">
          <dt className="text-muted-foreground">Id</dt>
          <dd className="flex min-w-0 items-center gap-1">
            <span className="truncate font-mono">{props.contributionId}</span>
            <CopyButton value={props.contributionId} label="Copy the contribution id" className="size-6" />
          </dd>
          <dt className="text-muted-foreground">Status</dt>
          <dd>
            <ContributionStatusBadge status={props.status} />
          </dd>
          <dt className="text-muted-foreground">Signed by</dt>
          <dd>
            <ContributorLink slug={props.slug} address={props.contributor} />
          </dd>
          <dt className="text-muted-foreground">Source</dt>
          <dd className="truncate font-mono">
            {props.file}, line {props.line}
          </dd>
          <dt className="text-muted-foreground">Submitted</dt>
          <dd>{new Date(props.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</dd>
        </dl>
      </PopoverContent>
    </Popover>
  );
}
