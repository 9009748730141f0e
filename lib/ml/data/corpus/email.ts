/**
 * Turns a raw e-mail (RFC 822 headers + MIME body) into the text a reader sees: the decoded Subject, and
 * the body's text parts — quoted-printable and base64 decoded, text/plain preferred over text/html (which is
 * reduced to its text), attachments and signatures left out. Routing headers are dropped.
 */
import { decodeCharset } from "./charset";
import { htmlToText } from "./html";

interface Entity {
  /** Lower-cased header name → unfolded value (first occurrence). */
  headers: Map<string, string>;
  body: string;
}

const MAX_DEPTH = 8;

/** Splits headers from body at the first blank line; skips an mbox "From " line; unfolds continuations. */
export function parseEntity(raw: string): Entity {
  const lines = raw.split(/\r?\n/);
  const headers = new Map<string, string>();
  let current: string | undefined;
  let i = 0;
  if (lines[0]?.startsWith("From ")) i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "") {
      i++;
      break;
    }
    if (/^[ \t]/.test(line)) {
      if (current !== undefined) headers.set(current, `${headers.get(current)} ${line.trim()}`);
      continue;
    }
    const match = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (!match) break; // Not a header: the body starts here (a part without headers).
    const name = (match[1] as string).toLowerCase();
    // Keep the first occurrence of a repeated header (and skip the repeats' continuation lines).
    current = headers.has(name) ? undefined : name;
    if (current !== undefined) headers.set(current, match[2] as string);
  }
  return { headers, body: lines.slice(i).join("\n") };
}

/** Value of a header parameter (`charset=utf-8`, `boundary="x"`). */
function headerParam(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?…?=) in a header value. */
export function decodeHeaderWords(value: string): string {
  return value
    .replace(/(=\?[^?\s]+\?[bq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bq]\?)/gi, "$1")
    .replace(/=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=/gi, (_, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toLowerCase() === "b"
          ? Uint8Array.from(Buffer.from(data, "base64"))
          : quotedPrintableBytes(data.replace(/_/g, " "));
      return decodeCharset(bytes, charset.replace(/\*.*$/, ""));
    });
}

/** Bytes of quoted-printable text: =XX escapes become bytes, soft line breaks vanish. */
export function quotedPrintableBytes(text: string): Uint8Array {
  const source = new TextEncoder().encode(text.replace(/=[ \t]*\r?\n/g, ""));
  const out = new Uint8Array(source.length);
  let n = 0;
  const hex = (b: number) => (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);
  for (let i = 0; i < source.length; i++) {
    const b = source[i] as number;
    if (b === 0x3d && i + 2 < source.length && hex(source[i + 1] as number) && hex(source[i + 2] as number)) {
      out[n++] = Number.parseInt(String.fromCharCode(source[i + 1] as number, source[i + 2] as number), 16);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

function decodeBody(entity: Entity): string {
  const contentType = entity.headers.get("content-type") ?? "";
  const charset = headerParam(contentType, "charset");
  const encoding = (entity.headers.get("content-transfer-encoding") ?? "").trim().toLowerCase();
  if (encoding === "base64") return decodeCharset(Uint8Array.from(Buffer.from(entity.body, "base64")), charset);
  if (encoding === "quoted-printable") return decodeCharset(quotedPrintableBytes(entity.body), charset);
  return entity.body;
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split("\n")) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current.join("\n"));
      current = trimmed === delimiter ? [] : undefined;
      if (!current) break;
    } else if (current) {
      current.push(line);
    }
  }
  if (current) parts.push(current.join("\n"));
  return parts;
}

function mediaType(entity: Entity): string {
  return (entity.headers.get("content-type") ?? "text/plain").split(";")[0]?.trim().toLowerCase() || "text/plain";
}

function entityText(entity: Entity, depth: number): string {
  const type = mediaType(entity);
  if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
    const boundary = headerParam(entity.headers.get("content-type") ?? "", "boundary");
    if (!boundary) return entity.body;
    const parts = splitMultipart(entity.body, boundary).map(parseEntity);
    if (type === "multipart/alternative") {
      const plain = parts.find((p) => mediaType(p) === "text/plain" && entityText(p, depth + 1).trim() !== "");
      const chosen = plain ?? parts.find((p) => entityText(p, depth + 1).trim() !== "");
      return chosen ? entityText(chosen, depth + 1) : "";
    }
    return parts
      .map((p) => entityText(p, depth + 1))
      .filter((t) => t.trim() !== "")
      .join("\n\n");
  }
  if (type === "message/rfc822" && depth < MAX_DEPTH) return entityText(parseEntity(entity.body), depth + 1);
  if (type === "text/html") return htmlToText(decodeBody(entity));
  if (type.startsWith("text/")) return decodeBody(entity);
  return ""; // images, application/*, signatures
}

function tidy(text: string): string {
  return text
    .replace(/\r/g, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The readable parts of a raw e-mail. */
export interface EmailText {
  subject: string;
  body: string;
  /** "Subject: …" (when there is one), a blank line, then the body. */
  text: string;
}

/** Extracts the subject and readable body of a raw e-mail. */
export function emailToText(raw: string): EmailText {
  const entity = parseEntity(raw);
  const subject = tidy(decodeHeaderWords(entity.headers.get("subject") ?? "")).replace(/\s+/g, " ");
  const body = tidy(entityText(entity, 0));
  return { subject, body, text: subject ? `Subject: ${subject}\n\n${body}`.trim() : body };
}
