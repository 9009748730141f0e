"use client";

import { useEffect } from "react";

type GlobalErrorProps = { error: unknown; retry: () => void };

/*
 * Replaces the root layout when it fails, so neither globals.css nor the theme provider is available:
 * inline styles with system colours follow the OS theme (or the stored next-themes choice, applied below).
 */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  useEffect(() => {
    console.error(error);
    const stored = window.localStorage.getItem("theme");
    if (stored === "light" || stored === "dark") document.documentElement.style.colorScheme = stored;
  }, [error]);

  const digest = error instanceof Error ? (error as Error & { digest?: unknown }).digest : undefined;

  return (
    <html lang="en" style={{ colorScheme: "light dark" }}>
      <body
        style={{
          margin: 0,
          minHeight: "100dvh",
          display: "grid",
          placeItems: "center",
          background: "Canvas",
          color: "CanvasText",
          fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        }}
      >
        <title>Something went wrong · ModelFactory</title>
        <main style={{ maxWidth: "28rem", padding: "2rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem", fontWeight: 600, margin: 0 }}>Something went wrong</h1>
          <p style={{ opacity: 0.7, lineHeight: 1.5 }}>
            ModelFactory could not load this page. Trying again usually helps; if it keeps happening, reload.
          </p>
          {typeof digest === "string" ? (
            <p style={{ opacity: 0.7, fontSize: "0.8rem" }}>
              Error reference: <code>{digest}</code>
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => retry()}
            style={{
              marginTop: "1rem",
              padding: "0.6rem 1.1rem",
              borderRadius: "0.6rem",
              border: "1px solid color-mix(in srgb, CanvasText 20%, transparent)",
              background: "CanvasText",
              color: "Canvas",
              font: "inherit",
              fontWeight: 500,
              cursor: "pointer",
            }}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
