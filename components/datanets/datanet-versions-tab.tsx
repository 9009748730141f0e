import type { DatanetDetail } from "@/lib/datanets/get";
import { VersionsView } from "./versions/versions-view";

/** The Versions tab: the published, immutable snapshots, and for the owner the way to publish the next. */
export function DatanetVersionsTab({ datanet }: { datanet: DatanetDetail }) {
  return (
    <VersionsView
      datanet={{
        id: datanet.id,
        slug: datanet.slug,
        kind: datanet.kind,
        onchainId: datanet.onchainId,
        ownerAddress: datanet.owner.address,
        acceptedRows: datanet.stats.rows,
        unpublishedChanges: datanet.stats.unpublishedChanges,
        publishedVersions: datanet.stats.versions,
      }}
    />
  );
}
