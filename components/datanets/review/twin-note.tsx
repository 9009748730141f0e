import Link from "next/link";
import type { SampleRowJson } from "./types";

const KIND: Record<string, string> = {
  near_duplicate: "Near-duplicate",
  duplicate_in_contribution: "Duplicate",
  duplicate_in_datanet: "Duplicate",
  duplicate_in_other_datanet: "Duplicate",
};

/** A flagged row's twin: how similar, where it is, and its text when the reviewer may read it. */
export function TwinNote({ twin, datanetId }: { twin: SampleRowJson["twins"][number]; datanetId: string }) {
  const similarity = twin.similarity === null ? "" : ` (${Math.round(twin.similarity * 100)}% similar)`;
  const where = twin.where;
  const place = !where
    ? "in a Datanet you cannot see"
    : where.datanetSlug === null
      ? `in this contribution, ${where.file} line ${where.line}`
      : where.datanetId === datanetId
        ? `already in this Datanet, ${where.file} line ${where.line}`
        : null;
  const text = twin.fields ? Object.values(twin.fields).join(" · ") : null;
  return (
    <div className="grid gap-1 rounded-md border border-dashed bg-background/60 px-2.5 py-1.5 text-xs">
      <p className="text-muted-foreground">
        <span className="font-medium text-foreground">
          {KIND[twin.type] ?? "Twin"}
          {similarity}
        </span>{" "}
        {place ?? (
          <>
            in{" "}
            <Link href={`/datanets/${where?.datanetSlug}`} className="text-primary hover:underline">
              {where?.datanetName}
            </Link>
          </>
        )}
      </p>
      {text ? <p className="line-clamp-3 whitespace-pre-wrap break-words">{text}</p> : null}
    </div>
  );
}
