"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

type ErrorProps = { error: unknown; retry: () => void };

/** Server errors reach the client with a generic message and a digest that matches the server log line. */
function describeError(error: unknown): { message: string; digest?: string } {
  if (error instanceof Error) {
    const digest = (error as Error & { digest?: unknown }).digest;
    return { message: error.message || "Unknown error", digest: typeof digest === "string" ? digest : undefined };
  }
  return { message: typeof error === "string" ? error : "Unknown error" };
}

export default function ErrorPage({ error, retry }: ErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const { message, digest } = describeError(error);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-4 py-24 text-center">
      <div className="flex size-14 items-center justify-center rounded-2xl border border-destructive/30 bg-destructive/10 text-destructive">
        <TriangleAlert className="size-6" aria-hidden="true" />
      </div>
      <h1 className="mt-6 font-semibold text-3xl tracking-tight">Something went wrong</h1>
      <div role="alert" className="mt-3 flex flex-col items-center gap-4">
        <p className="text-pretty text-muted-foreground">This page could not be shown. Trying again often helps.</p>
        <div className="w-full rounded-lg border bg-muted/50 px-4 py-3 text-left font-mono text-muted-foreground text-xs">
          <p className="break-words">{message}</p>
          {digest ? (
            <p className="mt-2">
              Reference: <span className="text-foreground">{digest}</span>
            </p>
          ) : null}
        </div>
      </div>
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
        <Button onClick={() => retry()}>
          <RotateCcw aria-hidden="true" />
          Try again
        </Button>
        <Button asChild variant="outline">
          <Link href="/">Back to the front page</Link>
        </Button>
      </div>
    </div>
  );
}
