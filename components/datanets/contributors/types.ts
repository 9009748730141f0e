/** GET /api/datanets/:id/contributors (lib/datanets/browse.ts contributorLeaderboard), as JSON. */
export interface ContributorStandingJson {
  address: string;
  acceptedRows: number;
  pendingRows: number;
  contributions: number;
  acceptedContributions: number;
  firstContributionAt: string;
}
