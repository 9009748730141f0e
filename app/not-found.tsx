import { ArrowLeft, Compass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-4 py-24 text-center">
      <div className="flex size-14 items-center justify-center rounded-2xl border bg-card text-primary shadow-sm">
        <Compass className="size-6" aria-hidden="true" />
      </div>
      <p className="mt-6 font-mono text-muted-foreground text-sm">404</p>
      <h1 className="mt-2 font-semibold text-3xl tracking-tight">Page not found</h1>
      <p className="mt-3 text-pretty text-muted-foreground">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <Button asChild className="mt-8">
        <Link href="/">
          <ArrowLeft aria-hidden="true" />
          Back to the front page
        </Link>
      </Button>
    </div>
  );
}
