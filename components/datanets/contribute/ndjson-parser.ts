/**
 * Splits NDJSON arriving in pieces (an XHR's growing responseText, fetch chunks) into values: `push` returns
 * the complete lines' values, keeping a partial last line until the rest of it arrives; `end` parses what is
 * left. A line that is not JSON throws (the stream is broken, not merely cut).
 */
export function ndjsonParser() {
  let buffer = "";
  const parse = (line: string): unknown[] => (line.trim() === "" ? [] : [JSON.parse(line)]);
  return {
    push(text: string): unknown[] {
      buffer += text;
      const values: unknown[] = [];
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        values.push(...parse(buffer.slice(0, newline)));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf("\n");
      }
      return values;
    },
    end(): unknown[] {
      const rest = buffer;
      buffer = "";
      return parse(rest);
    },
  };
}

/**
 * Reads an XHR's responseText as it grows: each call hands the parser only what arrived since the last one.
 * (responseText always holds the whole body so far; it is never reset while one request runs.)
 */
export function responseTextReader() {
  const parser = ndjsonParser();
  let seen = 0;
  return {
    read(responseText: string): unknown[] {
      const fresh = responseText.slice(seen);
      seen = responseText.length;
      return parser.push(fresh);
    },
    end(responseText: string): unknown[] {
      return [...this.read(responseText), ...parser.end()];
    },
  };
}
