"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PreviewProgress } from "@/lib/datanets/contributions/preview";
import { contributionForm } from "./contribution-form";
import { mergeFiles } from "./file-rules";
import { SendAborted, sendForm } from "./send-form";
import type { ApiError, ContributeTarget, DroppedFile, Mappings, PreviewResult, ReadOptions } from "./types";

/** The preview request: sending the files, the server checking rows (with its latest progress), or how it ended. */
export type CheckRequest =
  | { phase: "idle" }
  | { phase: "uploading"; loaded: number; total: number }
  | { phase: "checking"; progress?: PreviewProgress }
  | { phase: "error"; error: ApiError }
  | { phase: "cancelled" };

/** The last preview of the files now listed, with the options it was read with (a submission reuses them). */
export interface Preview {
  result: PreviewResult;
  options: ReadOptions;
}

let nextFileId = 0;

/**
 * The Contribute tab's files and their check: the drop list (with client-side rejections), the options the
 * server reads them with (column mappings, PII redaction), and the preview request with upload progress, then the
 * server's own progress (streamed as NDJSON) while it reads and checks the rows.
 * Changing a mapping or the redaction re-runs the check; adding or removing a file clears the last preview.
 */
export function useContributionCheck(target: ContributeTarget) {
  const [files, setFiles] = useState<DroppedFile[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const [options, setOptions] = useState<ReadOptions>({ mappings: {}, redactPii: false });
  const [request, setRequest] = useState<CheckRequest>({ phase: "idle" });
  const [preview, setPreview] = useState<Preview | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const runRef = useRef(0);

  useEffect(() => () => abortRef.current?.(), []);

  const stop = useCallback(() => {
    runRef.current += 1;
    abortRef.current?.();
    abortRef.current = null;
  }, []);

  const run = useCallback(
    async (list: DroppedFile[], opts: ReadOptions) => {
      stop();
      const id = runRef.current;
      const current = () => id === runRef.current;
      setOptions(opts);
      setRequest({ phase: "uploading", loaded: 0, total: list.reduce((sum, f) => sum + f.file.size, 0) });
      const { promise, abort } = sendForm<PreviewResult, PreviewProgress>(
        `/api/datanets/${encodeURIComponent(target.id)}/contributions/preview`,
        contributionForm(list, opts),
        {
          onUploadProgress: ({ loaded, total }) => {
            if (current()) setRequest({ phase: "uploading", loaded, total });
          },
          onUploaded: () => {
            if (current()) setRequest((r) => (r.phase === "checking" ? r : { phase: "checking" }));
          },
          onServerProgress: (progress) => {
            if (current()) setRequest({ phase: "checking", progress });
          },
        },
      );
      abortRef.current = abort;
      try {
        const answer = await promise;
        if (!current()) return;
        abortRef.current = null;
        if (answer.ok) {
          setPreview({ result: answer.body, options: opts });
          setRequest({ phase: "idle" });
        } else {
          setPreview(null);
          setRequest({ phase: "error", error: answer.error });
        }
      } catch (error) {
        if (!(error instanceof SendAborted)) throw error;
      }
    },
    [stop, target.id],
  );

  /** Adds dropped files (refusing what the server would refuse); the next check reads the new list. */
  const addFiles = useCallback(
    (dropped: File[], refused: string[] = []) => {
      const merged = mergeFiles(
        files,
        dropped.map((file) => ({ id: `f${nextFileId++}`, file })),
        target.kind,
      );
      setRejected([...refused, ...merged.rejected]);
      if (merged.files.length === files.length && merged.files.every((f, i) => f === files[i])) return;
      stop();
      setFiles(merged.files);
      setPreview(null);
      setRequest({ phase: "idle" });
    },
    [files, stop, target.kind],
  );

  const removeFile = useCallback(
    (id: string) => {
      const removed = files.find((f) => f.id === id);
      stop();
      setFiles(files.filter((f) => f.id !== id));
      if (removed) {
        const { [removed.file.name]: _gone, ...mappings } = options.mappings;
        setOptions({ ...options, mappings });
      }
      setRejected([]);
      setPreview(null);
      setRequest({ phase: "idle" });
    },
    [files, options, stop],
  );

  const check = useCallback(() => run(files, options), [files, options, run]);

  const setMapping = useCallback(
    (fileName: string, mapping: Mappings[string]) =>
      run(files, { ...options, mappings: { ...options.mappings, [fileName]: mapping } }),
    [files, options, run],
  );

  const resetMappings = useCallback(() => run(files, { ...options, mappings: {} }), [files, options, run]);

  const setRedactPii = useCallback(
    (redactPii: boolean) => run(files, { ...options, redactPii }),
    [files, options, run],
  );

  const cancel = useCallback(() => {
    stop();
    setRequest({ phase: "cancelled" });
  }, [stop]);

  /** Back to an empty drop zone (after a submission). */
  const clear = useCallback(() => {
    stop();
    setFiles([]);
    setRejected([]);
    setOptions({ mappings: {}, redactPii: false });
    setPreview(null);
    setRequest({ phase: "idle" });
  }, [stop]);

  const busy = request.phase === "uploading" || request.phase === "checking";
  return {
    files,
    rejected,
    options,
    request,
    preview,
    busy,
    addFiles,
    removeFile,
    dismissRejected: () => setRejected([]),
    check,
    cancel,
    setMapping,
    resetMappings,
    setRedactPii,
    clear,
  };
}
