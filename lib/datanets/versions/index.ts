/**
 * Datanet versions: Merkle trees the DatanetRegistry verifies, EIP-712 contribution signatures,
 * review decisions and reviewer agreement, version diffs, and exports. Pure functions, no I/O.
 */
export {
  fleissKappa,
  fleissKappaFromRatings,
  krippendorffAlphaNominal,
  reviewAgreement,
} from "./agreement";
export { contentProof, contentRoot, verifyContentProof } from "./content-root";
export { csvEscapeCell, csvLine } from "./csv";
export { diffVersions, type VersionDiff } from "./diff";
export {
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  type ExportRow,
  exportFileName,
  exportRows,
  exportStream,
  KIND_COLUMNS,
} from "./export";
export {
  MANIFEST_FORMAT,
  type ManifestFile,
  type VersionManifest,
  type VersionManifestInput,
  versionManifest,
} from "./manifest";
export {
  acceptedRows,
  approvalsRequired,
  canReview,
  contributionDecision,
  type Decision,
  type DecisionStatus,
  eligibleInvitedReviewers,
  latestReviewPerReviewer,
  type Review,
  type ReviewEligibility,
  type ReviewSettings,
  type RowExclusion,
  type Verdict,
} from "./review";
export {
  CONTRIBUTION_DOMAIN_NAME,
  CONTRIBUTION_DOMAIN_VERSION,
  type ContributionDomain,
  type ContributionDomainInput,
  type ContributionMessage,
  ContributionSignatureError,
  type ContributionSignatureErrorCode,
  contributionDomain,
  contributionTypedData,
  contributionTypes,
  MAX_DEADLINE_AHEAD_SECONDS,
  type VerifyContributionInput,
  verifyContributionSignature,
} from "./signature";
export { contributionDomainInputSchema, contributionMessageSchema, signatureSchema } from "./signature-schema";
export {
  buildVersionTree,
  type VersionLeaf,
  type VersionTree,
  verifyLeafProof,
  versionCounts,
  versionLeafHash,
} from "./version-tree";
