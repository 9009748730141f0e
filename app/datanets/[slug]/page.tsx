import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DatanetContributeTab } from "@/components/datanets/datanet-contribute-tab";
import { DatanetContributorsTab } from "@/components/datanets/datanet-contributors-tab";
import { DatanetHeader } from "@/components/datanets/datanet-header";
import { DatanetOverview } from "@/components/datanets/datanet-overview";
import { DatanetReviewTab } from "@/components/datanets/datanet-review-tab";
import { DatanetRowsTab } from "@/components/datanets/datanet-rows-tab";
import { DatanetTabs } from "@/components/datanets/datanet-tabs";
import { DatanetVersionsTab } from "@/components/datanets/datanet-versions-tab";
import { PageShell } from "@/components/layout/page-shell";
import { getDatanet } from "@/lib/datanets/get";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { currentSession } from "@/lib/http/current-session";

type DatanetPageProps = { params: Promise<{ slug: string }> };

/** The Datanet for this request and viewer, read once for the metadata and the page; 404 when hidden or missing. */
const loadDatanet = cache(async (slug: string) => {
  const session = await currentSession();
  try {
    return { datanet: await getDatanet(db(), slug, session?.userId), viewerId: session?.userId };
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: DatanetPageProps): Promise<Metadata> {
  const { datanet } = await loadDatanet((await params).slug);
  return { title: datanet.name, description: datanet.summary };
}

export default async function DatanetPage({ params }: DatanetPageProps) {
  const { datanet, viewerId } = await loadDatanet((await params).slug);
  return (
    <PageShell>
      <DatanetHeader datanet={datanet} viewerId={viewerId} />
      <DatanetTabs
        panels={{
          overview: <DatanetOverview datanet={datanet} />,
          rows: <DatanetRowsTab datanet={datanet} />,
          contributors: <DatanetContributorsTab datanet={datanet} />,
          versions: <DatanetVersionsTab datanet={datanet} />,
          contribute: <DatanetContributeTab datanet={datanet} />,
          review: <DatanetReviewTab datanet={datanet} />,
        }}
      />
    </PageShell>
  );
}
