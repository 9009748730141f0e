"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { CreateDatanet, CreateDatanetInput } from "@/lib/datanets/schemas";
import { restoreDraft } from "./create-form-values";

const SAVE_DELAY_MS = 400;

/**
 * Keeps the create form's values in localStorage under `key`, so a reload or a closed tab loses
 * nothing; `restored` says a draft was brought back, `clear` forgets it (after creating, or to start over).
 */
export function useFormDraft(form: UseFormReturn<CreateDatanetInput, unknown, CreateDatanet>, key: string) {
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reset, watch } = form;

  useEffect(() => {
    let saved: unknown = null;
    try {
      const raw = window.localStorage.getItem(key);
      saved = raw ? JSON.parse(raw) : null;
    } catch {
      // Storage blocked or a corrupt entry: start from an empty form.
    }
    const draft = restoreDraft(saved);
    if (draft) {
      reset(draft);
      setRestored(true);
    }
    const subscription = watch((values) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        try {
          window.localStorage.setItem(key, JSON.stringify(values));
        } catch {
          // Storage full or blocked: the draft just isn't kept.
        }
      }, SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer.current);
      subscription.unsubscribe();
    };
  }, [key, reset, watch]);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
    setRestored(false);
  }, [key]);

  return { restored, clear };
}
