import { ArrowLeft, GitCompare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatCount } from "@/components/datanets/format";
import { DiffTable } from "@/components/datanets/versions/diff-table";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getDatanet } from "@/lib/datanets/get";
import { versionDiff } from "@/lib/datanets/version-diff";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { currentSession } from "@/lib/http/current-session";
import { cn } from "@/lib/utils/cn";

const PAGE_SIZE = 25;
const querySchema = z.object({
  side: z.enum(["added", "removed"]).catch("added"),
  page: z.coerce.number().int().min(1).catch(1),
});

type VersionDiffPageProps = {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: VersionDiffPageProps): Promise<Metadata> {
  const { number } = await params;
  return { title: `Version ${number}: changes` };
}

/** A published version against its parent: the rows added and removed, a page at a time. */
export default async function VersionDiffPage({ params, searchParams }: VersionDiffPageProps) {
  const { slug, number: segment } = await params;
  const number = Number(segment);
  if (!Number.isInteger(number) || number < 1) notFound();
  const { side, page } = querySchema.parse(await searchParams);
  const session = await currentSession();
  let loaded: { datanet: Awaited<ReturnType<typeof getDatanet>>; diff: Awaited<ReturnType<typeof versionDiff>> };
  try {
    const datanet = await getDatanet(db(), slug, session?.userId);
    loaded = { datanet, diff: await versionDiff(db(), datanet.id, number, { side, page, pageSize: PAGE_SIZE }) };
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
  const { datanet, diff } = loaded;
  const pageCount = Math.max(1, Math.ceil(diff.total / PAGE_SIZE));
  const parent = diff.version.parentNumber;
  const href = (nextSide: string, nextPage = 1) => `?side=${nextSide}${nextPage > 1 ? `&page=${nextPage}` : ""}`;

  return (
    <PageShell>
      <PageHeader
        icon={GitCompare}
        eyebrow={datanet.name}
        title={`Version ${number}${parent === null ? "" : ` since version ${parent}`}`}
        description={
          parent === null
            ? `The first version: all ${formatCount(diff.version.rowCount)} rows are new.`
            : `${formatCount(diff.counts.added)} rows added, ${formatCount(diff.counts.removed)} removed, ${formatCount(diff.counts.unchanged)} unchanged.`
        }
        actions={
          <Button asChild variant="outline">
            <Link href={`/datanets/${datanet.slug}?tab=versions`}>
              <ArrowLeft aria-hidden="true" />
              All versions
            </Link>
          </Button>
        }
      />
      <nav aria-label="Changes" className="flex gap-1 rounded-lg bg-muted p-1 sm:w-fit">
        {(["added", "removed"] as const).map((s) => (
          <Link
            key={s}
            href={href(s)}
            aria-current={side === s ? "page" : undefined}
            className={cn(
              "flex-1 whitespace-nowrap rounded-md px-3 py-1.5 text-center font-medium text-sm transition-colors",
              side === s ? "bg-background shadow-sm" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {s === "added" ? "Added" : "Removed"} ({formatCount(diff.counts[s])})
          </Link>
        ))}
      </nav>
      {diff.items.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-10 text-center text-muted-foreground text-sm">
          {side === "added" ? "No rows were added in this version." : "No rows were removed in this version."}
        </p>
      ) : (
        <>
          <DiffTable slug={datanet.slug} kind={datanet.kind} side={side} rows={diff.items} />
          <Pagination page={page} pageCount={pageCount} hrefForPage={(p) => href(side, p)} label="Diff pages" />
        </>
      )}
    </PageShell>
  );
}
