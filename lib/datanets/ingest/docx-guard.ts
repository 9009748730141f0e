import { IngestError } from "./errors";
import { formatBytes, type IngestLimits } from "./limits";
import { entryData, inflatedSize, readCentralDirectory, type ZipEntry, ZipFormatError } from "./zip";

const RATIO_FLOOR = 1024 * 1024;

/**
 * Vets a .docx before mammoth inflates it: a readable ZIP with word/document.xml, declared sizes within
 * maxUnzippedBytes and a sane compression ratio, and entries that really inflate to no more than declared.
 */
export async function guardDocx(file: string, bytes: Uint8Array, limits: IngestLimits): Promise<void> {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw broken(file, error.message);
    throw error;
  }
  if (!entries.some((e) => e.name === "word/document.xml")) {
    throw new IngestError(
      "invalid_docx",
      `${file} is a ZIP archive but not a Word document (it has no word/document.xml). Save it from Word as .docx.`,
      422,
      { file },
    );
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const compressed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  checkSizes(file, declared, compressed, limits, "declares");
  let actual = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.uncompressedSize === 0) continue;
    if (entry.flags & 1) throw broken(file, `entry ${entry.name} is encrypted (password-protected document)`);
    let data: Uint8Array;
    try {
      data = entryData(bytes, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) throw broken(file, error.message);
      throw error;
    }
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        size = await inflatedSize(data, entry.uncompressedSize);
      } catch {
        throw broken(file, `entry ${entry.name} does not inflate (corrupt data)`);
      }
    } else throw broken(file, `entry ${entry.name} uses unsupported compression method ${entry.method}`);
    if (size > entry.uncompressedSize) {
      throw new IngestError(
        "zip_bomb",
        `${file} was rejected as a zip bomb: entry ${entry.name} inflates past the ${formatBytes(entry.uncompressedSize)} it declares. Re-save the document from Word.`,
        413,
        { file, entry: entry.name, limit: "maxUnzippedBytes", declared: entry.uncompressedSize },
      );
    }
    actual += size;
  }
  checkSizes(file, actual, compressed, limits, "inflates to");
}

function checkSizes(file: string, unzipped: number, compressed: number, limits: IngestLimits, verb: string): void {
  if (unzipped > limits.maxUnzippedBytes) {
    throw new IngestError(
      "zip_bomb",
      `${file} was rejected as a zip bomb: it ${verb} ${formatBytes(unzipped)} uncompressed, over the ${formatBytes(limits.maxUnzippedBytes)} limit (maxUnzippedBytes). Remove large embedded objects or split the document.`,
      413,
      { file, limit: "maxUnzippedBytes", max: limits.maxUnzippedBytes, actual: unzipped },
    );
  }
  const ratio = unzipped / Math.max(compressed, 1);
  if (unzipped > RATIO_FLOOR && ratio > limits.maxCompressionRatio) {
    throw new IngestError(
      "zip_bomb",
      `${file} was rejected as a zip bomb: it ${verb} ${formatBytes(unzipped)} from ${formatBytes(compressed)}, a ${Math.round(ratio)}:1 compression ratio, over the ${limits.maxCompressionRatio}:1 limit (maxCompressionRatio).`,
      413,
      { file, limit: "maxCompressionRatio", max: limits.maxCompressionRatio, actual: ratio },
    );
  }
}

function broken(file: string, why: string): IngestError {
  return new IngestError(
    "invalid_docx",
    `${file} is not a readable .docx: ${why}. Open it in Word and save it again as .docx.`,
    422,
    { file, reason: why },
  );
}
