import type { RowFields } from "../kinds";
import { orderedFields } from "./canonical";

/**
 * Personal data and secrets in row text. Every detector errs towards precision: a flag sends a row to a human,
 * so plain numbers, years, dates, ISBNs and code that merely mentions keys must stay quiet.
 */
export type PiiKind = "email" | "phone" | "card" | "api_key" | "private_key";

export interface PiiFinding {
  kind: PiiKind;
  /** What matched more precisely, e.g. "aws_access_key", "pem", "visa". */
  detector: string;
  /** The field it was found in ("text", "prompt", "completion", "label"). */
  field: string;
  /** UTF-16 offsets into the field's value, end exclusive. */
  start: number;
  end: number;
  /** A masked preview: enough to recognize, never the whole value. */
  preview: string;
}

/** The Luhn checksum used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function maskSecret(value: string): string {
  const keep = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}…(${value.length} chars)`;
}

function maskEmail(value: string): string {
  const at = value.indexOf("@");
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${domain.slice(dot)}`;
}

function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  return `${"•".repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

function maskCard(digits: string): string {
  return `•••• ${digits.slice(-4)}`;
}

interface Match {
  kind: PiiKind;
  detector: string;
  start: number;
  end: number;
  preview: string;
}

// ── e-mail ───────────────────────────────────────────────────────────────────────────────────────────────────
const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/g;

function findEmails(text: string, out: Match[]): void {
  if (!text.includes("@")) return;
  for (const m of text.matchAll(EMAIL)) {
    const value = m[0];
    // "logo@2x.png"-like asset names and package specs ("react@19.3") have no letters-only TLD; images are excluded.
    if (/\.(?:png|jpe?g|gif|svg|webp)$/i.test(value)) continue;
    out.push({
      kind: "email",
      detector: "email",
      start: m.index,
      end: m.index + value.length,
      preview: maskEmail(value),
    });
  }
}

// ── payment cards ────────────────────────────────────────────────────────────────────────────────────────────
// 13–19 digits, optionally in groups separated by single spaces or dashes; checked with Luhn and a known prefix.
const CARD = /(?<![\d.,-])\d(?:[ -]?\d){12,18}(?![\d.,]\d)/g;
const CARD_PREFIXES: [RegExp, string][] = [
  [/^4/, "visa"],
  [/^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, "mastercard"],
  [/^3[47]/, "amex"],
  [/^(?:6011|65|64[4-9]|622)/, "discover"],
  [/^35(?:2[89]|[3-8]\d)/, "jcb"],
  [/^3(?:0[0-5]|[68])/, "diners"],
  [/^(?:5018|5020|5038|56|57|58|6304|6759|676[1-3])/, "maestro"],
  [/^62/, "unionpay"],
];

function cardBrand(digits: string): string | null {
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return null;
  if (/^(\d)\1+$/.test(digits)) return null; // 0000 0000 0000 0000
  const brand = CARD_PREFIXES.find(([re]) => re.test(digits));
  return brand ? brand[1] : null;
}

function findCards(text: string, out: Match[]): void {
  for (const m of text.matchAll(CARD)) {
    let value = m[0];
    const separators = value.match(/[ -]/g);
    if (separators && new Set(separators).size > 1) continue; // mixed separators: not a card number as written
    let brand = cardBrand(value.replace(/[ -]/g, ""));
    if (!brand && separators) {
      // "4111 1111 1111 1111 2024": the match ran into a following number; try whole leading groups.
      const groups = value.split(/[ -]/);
      for (let g = groups.length - 1; g > 0 && !brand; g--) {
        const candidate = groups.slice(0, g).join(separators[0]);
        brand = cardBrand(candidate.replace(/[ -]/g, ""));
        if (brand) value = candidate;
      }
    }
    if (!brand) continue;
    const digits = value.replace(/[ -]/g, "");
    out.push({ kind: "card", detector: brand, start: m.index, end: m.index + value.length, preview: maskCard(digits) });
  }
}

// ── phone numbers ────────────────────────────────────────────────────────────────────────────────────────────
// International: "+" and country code, then digit groups. NANP: (NNN) NNN-NNNN / NNN-NNN-NNNN / NNN.NNN.NNNN.
// National with a trunk 0: "020 7946 0958", "07700 900123", "01 23 45 67 89", "030 1234567". Plain digit runs,
// years and dates (2024-01-15, 15.01.2024, 01/02/2024) do not match: separators are required and 8-digit
// day-month-year shapes are rejected.
const PHONE_INTL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,5}){2,6}(?![\w-])/g;
const PHONE_NANP = /(?<![\w(+-])(?:\(\d{3}\) ?|\d{3}([ .-]))\d{3}[ .-]\d{4}(?![\w-]|\.\d)/g;
const PHONE_TRUNK = /(?<![\w+./-])0\d{1,4}(?:[ .-]\d{2,8}){1,4}(?![\w-]|[./]\d)/g;
const DATE_LIKE = /^(?:\d{1,2}[ ./-]\d{1,2}[ ./-]\d{2,4}|\d{4}[ ./-]\d{1,2}[ ./-]\d{1,2})$/;

function countDigits(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function precededByIsbn(text: string, start: number): boolean {
  return /isbn(?:-1[03])?:?\s*$/i.test(text.slice(Math.max(0, start - 12), start));
}

function findPhones(text: string, out: Match[]): void {
  const push = (start: number, value: string, detector: string) => {
    if (precededByIsbn(text, start)) return;
    out.push({ kind: "phone", detector, start, end: start + value.length, preview: maskDigits(value) });
  };
  if (text.includes("+")) {
    for (const m of text.matchAll(PHONE_INTL)) {
      const digits = countDigits(m[0]);
      if (digits >= 8 && digits <= 15) push(m.index, m[0], "international");
    }
  }
  for (const m of text.matchAll(PHONE_NANP)) {
    const value = m[0];
    const sep = m[1];
    if (sep !== undefined && value.charAt(7) !== sep) continue; // 555-123-4567 keeps one separator
    if (/^\(?[01]/.test(value)) continue; // NANP area codes start with 2–9
    push(m.index, value, "nanp");
  }
  for (const m of text.matchAll(PHONE_TRUNK)) {
    const value = m[0];
    const digits = countDigits(value);
    if (digits < 9 || digits > 12 || DATE_LIKE.test(value)) continue;
    push(m.index, value, "national");
  }
}

// ── API keys and tokens ──────────────────────────────────────────────────────────────────────────────────────
const KEY_PATTERNS: [RegExp, string][] = [
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b/g, "aws_access_key"],
  [/\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, "github_token"],
  [/\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g, "github_token"],
  [/\bsk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,}(?![\w-])/g, "openai_key"],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, "slack_token"],
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g, "stripe_secret_key"],
  [/\bAIza[0-9A-Za-z_-]{35}(?![\w-])/g, "google_api_key"],
  [/\bglpat-[A-Za-z0-9_-]{20}\b/g, "gitlab_token"],
  [/\bhf_[A-Za-z]{34}\b/g, "huggingface_token"],
];
const KEY_HINT = /AKIA|ASIA|AGPA|AIDA|AROA|ANPA|gh[pousr]_|github_pat_|sk-|xox|_live_|_test_|AIza|glpat-|hf_/;

// `api_key = "…"`, `"client_secret": "…"`, `AWS_SECRET_ACCESS_KEY=…`: a secret-sounding name assigned a long,
// random-looking literal. Calls, attribute paths and environment look-ups are not literals and are skipped.
// No leading `\b[\w-]*?` for the rest of the name: the finding's position is counted from the match's end, and a
// lazy prefix tried at every word boundary made this the costliest check per row.
const ASSIGNMENT =
  /(?:api[_-]?key|apikey|secret(?:[_-]?key)?|access[_-]?key|auth[_-]?token|access[_-]?token|client[_-]?secret|private[_-]?token|password|passwd|token)["']?\s*(?:=|:|=>|:=)\s*(["'`]?)([A-Za-z0-9_\-+/=.~]{16,256})\1/gi;

function looksRandom(value: string): boolean {
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (/^[a-z]+(?:[A-Z][a-z]+)+\d*$/.test(value)) return false; // camelCase identifier
  if (/^(?:[a-z]+[_.-])+[a-z0-9]+$/i.test(value) && !/\d{3}/.test(value)) return false; // snake/dotted names
  if (/^(?:x+|\*+|\.+|your[_-]?.*|<.*>|changeme.*|example.*|placeholder.*)$/i.test(value)) return false;
  return shannonEntropy(value) >= 3.5;
}

function findApiKeys(text: string, out: Match[]): void {
  if (KEY_HINT.test(text)) {
    for (const [re, detector] of KEY_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const value = m[0];
        if (detector === "openai_key" && !/\d/.test(value)) continue; // sk-learn-style words
        out.push({
          kind: "api_key",
          detector,
          start: m.index,
          end: m.index + value.length,
          preview: maskSecret(value),
        });
      }
    }
  }
  if (!/[=:]/.test(text)) return;
  for (const m of text.matchAll(ASSIGNMENT)) {
    const value = m[2] as string;
    if (!looksRandom(value)) continue;
    const start = m.index + m[0].length - (m[1] as string).length - value.length;
    out.push({ kind: "api_key", detector: "assignment", start, end: start + value.length, preview: maskSecret(value) });
  }
}

// ── private keys ─────────────────────────────────────────────────────────────────────────────────────────────
const PEM =
  /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END \1PRIVATE KEY(?: BLOCK)?-----|$)/g;
// 64 hex digits (an Ethereum/secp256k1 private key's shape) with a key-ish label shortly before it. Transaction
// hashes and storage slots have the same shape, so the label is required.
const HEX_KEY = /(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])/g;
const HEX_KEY_LABEL = /(?:private|priv|secret|signing|wallet)[\s_-]*key|secret|mnemonic|seed|\bpk\b|privkey/i;

function findPrivateKeys(text: string, out: Match[]): void {
  if (text.includes("-----BEGIN")) {
    for (const m of text.matchAll(PEM)) {
      out.push({
        kind: "private_key",
        detector: "pem",
        start: m.index,
        end: m.index + m[0].length,
        preview: `-----BEGIN ${m[1] ?? ""}PRIVATE KEY----- …(${m[0].length} chars)`,
      });
    }
  }
  if (!HEX_KEY_LABEL.test(text)) return; // cheap gate: the 64-hex scan is costly and labels are rare
  for (const m of text.matchAll(HEX_KEY)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!HEX_KEY_LABEL.test(before)) continue;
    out.push({
      kind: "private_key",
      detector: "hex_private_key",
      start: m.index,
      end: m.index + m[0].length,
      preview: maskSecret(m[0]),
    });
  }
}

const PRIORITY: Record<PiiKind, number> = { private_key: 0, api_key: 1, card: 2, email: 3, phone: 4 };

/** Findings in one string, overlaps resolved in favour of the more serious kind, sorted by start. */
export function scanText(text: string): Omit<PiiFinding, "field">[] {
  const found: Match[] = [];
  findPrivateKeys(text, found);
  findApiKeys(text, found);
  findEmails(text, found);
  if (/\d/.test(text)) {
    findCards(text, found);
    findPhones(text, found);
  }
  if (found.length <= 1) return found;
  found.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of found) {
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** PII and secrets in every schema field of a row. */
export function scanRow(fields: RowFields): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const [field, value] of orderedFields(fields)) {
    for (const f of scanText(value)) out.push({ ...f, field });
  }
  return out;
}
