import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/errors";
import { ndjsonLine, ndjsonProgressResponse, throttle, wantsNdjson } from "./ndjson";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function lines(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("wantsNdjson", () => {
  const request = (url: string, accept?: string) =>
    new Request(url, { method: "POST", headers: accept ? { Accept: accept } : {} });

  it("is asked by the Accept header or ?stream=1", () => {
    expect(wantsNdjson(request("http://x/p", "application/x-ndjson"))).toBe(true);
    expect(wantsNdjson(request("http://x/p", "application/x-ndjson, application/json;q=0.9"))).toBe(true);
    expect(wantsNdjson(request("http://x/p", "application/json, Application/X-NDJSON; q=0.5"))).toBe(true);
    expect(wantsNdjson(request("http://x/p?stream=1"))).toBe(true);
  });

  it("is not asked by plain JSON callers", () => {
    expect(wantsNdjson(request("http://x/p"))).toBe(false);
    expect(wantsNdjson(request("http://x/p", "application/json"))).toBe(false);
    expect(wantsNdjson(request("http://x/p", "*/*"))).toBe(false);
    expect(wantsNdjson(request("http://x/p?stream=0", "application/json"))).toBe(false);
  });
});

describe("ndjsonLine", () => {
  it("is one JSON value and a newline, even when strings hold newlines", () => {
    const line = ndjsonLine({ type: "result", text: "two\nlines" });
    expect(line).toBe('{"type":"result","text":"two\\nlines"}\n');
    expect(line.indexOf("\n")).toBe(line.length - 1);
  });
});

describe("throttle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("emits the first value at once, then at most one per interval, always ending on the latest", () => {
    vi.useFakeTimers();
    const emitted: number[] = [];
    const t = throttle<number>((v) => emitted.push(v), 100);
    t.push(1);
    expect(emitted).toEqual([1]);
    for (let v = 2; v <= 50; v++) {
      t.push(v);
      vi.advanceTimersByTime(5);
    }
    // 49 pushes over 245 ms: about one every 100 ms, the newest value each time.
    expect(emitted.length).toBeLessThanOrEqual(4);
    vi.advanceTimersByTime(100);
    expect(emitted.at(-1)).toBe(50);
    for (let i = 1; i < emitted.length; i++) expect(emitted[i]).toBeGreaterThan(emitted[i - 1] as number);
  });

  it("never emits two values within one interval", () => {
    vi.useFakeTimers();
    const times: number[] = [];
    const t = throttle<number>(() => times.push(Date.now()), 100);
    for (let i = 0; i < 1000; i++) {
      t.push(i);
      vi.advanceTimersByTime(3);
    }
    vi.advanceTimersByTime(200);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(100);
    }
    // 3 s of pushes: ~10 a second.
    expect(times.length).toBeGreaterThanOrEqual(29);
    expect(times.length).toBeLessThanOrEqual(32);
  });

  it("flush emits the kept value now; cancel drops it", () => {
    vi.useFakeTimers();
    const emitted: string[] = [];
    const t = throttle<string>((v) => emitted.push(v), 100);
    t.push("a");
    t.push("b");
    t.flush();
    expect(emitted).toEqual(["a", "b"]);
    t.push("c");
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(emitted).toEqual(["a", "b"]);
  });
});

describe("ndjsonProgressResponse", () => {
  it("answers quick work with just the result line", async () => {
    const response = await ndjsonProgressResponse<{ done: number }, { answer: number }>(async (onProgress) => {
      onProgress({ done: 1 });
      return { answer: 42 };
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/x-ndjson");
    expect(await lines(response)).toEqual([{ type: "result", answer: 42 }]);
  });

  it("streams throttled progress lines while slow work runs, then the result", async () => {
    const response = await ndjsonProgressResponse<{ phase: string; done: number; total: number }, { ok: boolean }>(
      async (onProgress) => {
        for (let done = 1; done <= 40; done++) {
          onProgress({ phase: "rows", done, total: 40 });
          await sleep(5);
        }
        return { ok: true };
      },
      { graceMs: 20, intervalMs: 50 },
    );
    expect(response.status).toBe(200);
    const got = await lines(response);
    const progress = got.filter((line) => line.type === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(2);
    // ~200 ms of work at most one line per 50 ms (plus the one sent when the stream starts).
    expect(progress.length).toBeLessThanOrEqual(7);
    expect(progress[0]).toMatchObject({ type: "progress", phase: "rows", total: 40 });
    const done = progress.map((line) => line.done as number);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(got.at(-1)).toEqual({ type: "result", ok: true });
  });

  it("lets a failure within the grace period reject, so the caller answers its 4xx JSON", async () => {
    await expect(
      ndjsonProgressResponse(async () => {
        throw new DomainError("binary_file", "export.csv is binary.", 415, { file: "export.csv" });
      }),
    ).rejects.toMatchObject({ code: "binary_file", status: 415 });
  });

  it("ends a stream that already began with an error line", async () => {
    const response = await ndjsonProgressResponse<{ done: number }, { ok: boolean }>(
      async (onProgress) => {
        onProgress({ done: 1 });
        await sleep(40);
        throw new DomainError("too_many_rows", "Too many rows.", 413, { limit: 10 });
      },
      { graceMs: 10 },
    );
    expect(response.status).toBe(200);
    const got = await lines(response);
    expect(got[0]).toEqual({ type: "progress", done: 1 });
    expect(got.at(-1)).toEqual({
      type: "error",
      error: { code: "too_many_rows", message: "Too many rows.", status: 413, details: { limit: 10 } },
    });
  });

  it("stops the work at its next progress report once the reader has gone", async () => {
    let reports = 0;
    let stopped: unknown = null;
    const response = await ndjsonProgressResponse<{ done: number }, { ok: boolean }>(
      async (onProgress) => {
        try {
          for (let done = 0; done < 1000; done++) {
            onProgress({ done });
            reports += 1;
            await sleep(2);
          }
        } catch (error) {
          stopped = error;
          throw error;
        }
        return { ok: true };
      },
      { graceMs: 5 },
    );
    await response.body?.cancel();
    await sleep(30);
    expect(stopped).toMatchObject({ code: "client_closed" });
    expect(reports).toBeLessThan(1000);
  });
});
