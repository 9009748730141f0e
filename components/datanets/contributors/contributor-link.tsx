import Link from "next/link";
import { AddressAvatar } from "@/components/wallet/address-avatar";
import { shortAddress } from "../format";

/** A contributor's avatar and short address, linking to their line of the Datanet's leaderboard. */
export function ContributorLink({ slug, address }: { slug: string; address: string }) {
  return (
    <Link
      href={`/datanets/${slug}?tab=contributors#contributor-${address.toLowerCase()}`}
      className="inline-flex items-center gap-1.5 rounded-md font-mono text-xs hover:text-primary hover:underline"
      title={address}
      aria-label={`Contributor ${address}`}
    >
      <AddressAvatar address={address} size={16} />
      {shortAddress(address)}
    </Link>
  );
}
