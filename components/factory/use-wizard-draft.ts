"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { draftKey, emptyDraft, restoreDraft, type WizardDraft } from "./wizard-draft";

const SAVE_DELAY_MS = 300;

/**
 * The wizard's draft, kept in localStorage per wallet address so a reload or a closed tab loses nothing. `ready` turns
 * true once the stored draft (if any) is read; `restored` says one was brought back; `clear` forgets it.
 */
export function useWizardDraft(address: string) {
  const key = draftKey(address);
  const [draft, setDraft] = useState<WizardDraft>(emptyDraft);
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let saved: WizardDraft | null = null;
    try {
      const raw = window.localStorage.getItem(key);
      saved = raw ? restoreDraft(JSON.parse(raw)) : null;
    } catch {
      // Storage blocked or a corrupt entry: start afresh.
    }
    setDraft(saved ?? emptyDraft());
    setRestored(saved !== null);
    setReady(true);
  }, [key]);

  useEffect(() => {
    if (!ready) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      try {
        window.localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // Storage full or blocked: the draft just isn't kept.
      }
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [key, draft, ready]);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
    setRestored(false);
  }, [key]);

  return { draft, setDraft, ready, restored, clear };
}
