/**
 * Source line of each element of a JSON array: the top-level array, or the array under top-level key
 * `underKey`. One pass over already-validated JSON, tracking strings and nesting depth.
 */
export function arrayElementLines(text: string, underKey: string | null): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey = "";
  let target = underKey === null ? 1 : -1;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) {
        inString = false;
        if (depth === 1 && target < 0) lastKey = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (expecting && depth === target && c !== 93) {
      lines.push(line);
      expecting = false;
    }
    switch (c) {
      case 34:
        inString = true;
        stringStart = i + 1;
        break;
      case 123:
        depth++;
        break;
      case 91:
        depth++;
        if (target < 0 && depth === 2 && lastKey === underKey) target = 2;
        if (depth === target) expecting = true;
        break;
      case 125:
      case 93:
        if (depth === target && c === 93) return lines;
        depth--;
        break;
      case 44:
        if (depth === target) expecting = true;
        break;
    }
  }
  return lines;
}

/** 1-based line and column of a character position. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}
