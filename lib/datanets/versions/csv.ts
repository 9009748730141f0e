/**
 * CSV cells for export (RFC 4180), safe to open in a spreadsheet: a text cell starting with =, +,
 * -, @, a tab or a carriage return gets a leading apostrophe so Excel, LibreOffice and Google
 * Sheets show it as text instead of running it as a formula (OWASP "CSV injection"). Numbers,
 * bigints and booleans are data, written as they are (a negative number stays a number); every
 * string is checked, including numeric-looking ones like "-5". Cells holding a comma, quote, CR or
 * LF are quoted with inner quotes doubled. null and undefined are empty; objects are JSON.
 */

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function csvEscapeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    text = String(value);
  } else {
    text = typeof value === "string" ? value : JSON.stringify(value);
    if (text.length > 0 && FORMULA_TRIGGERS.has(text[0] as string)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvEscapeCell).join(",")}\r\n`;
}
