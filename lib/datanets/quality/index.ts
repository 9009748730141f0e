export { canonicalRow, FIELD_ORDER, normalizedRow, normalizeText, orderedFields, rowKind } from "./canonical";
export { firstOccurrences, lookupExisting } from "./exact-duplicates";
export { type Hex32, normalizedHash, rowHash } from "./hash";
export { keccak256Bytes, keccak256Utf8, keccakUsesWasm } from "./keccak";
export {
  BANDS,
  DEFAULT_SIMILARITY_THRESHOLD,
  lshBandKeys,
  NearDuplicateIndex,
  type NearDuplicateMatch,
  ROWS_PER_BAND,
} from "./lsh";
export {
  estimateJaccard,
  exactJaccard,
  isEmptySignature,
  type MinHashSignature,
  minhashSignature,
  minhashText,
  minhashUsesSimd,
  NUM_PERMUTATIONS,
  SIGNATURE_VERSION,
  shingleHashes,
  signatureFromBase64,
  signatureFromBytes,
  signatureOf,
  signatureToBase64,
  signatureToBytes,
} from "./minhash";
export { luhnValid, type PiiFinding, type PiiKind, scanRow, scanText, shannonEntropy } from "./pii";
export { REDACTION_PLACEHOLDERS, redact } from "./redact";
export {
  type ExistingSignatureSource,
  FLAG_TYPES,
  type FlaggedRow,
  type FlagType,
  type IngestProblem,
  indexSource,
  type NearDuplicateTwin,
  type QualityOptions,
  type QualityProgress,
  type QualityReport,
  type QualityRow,
  qualityReport,
  type RowDigest,
  type RowFlag,
} from "./report";
export type { ExistingLookup, ExistingRowRef, RowRef } from "./types";
