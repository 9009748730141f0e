import { ArrowLeft, DatabaseZap } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Datanet not found" };

/** An unknown Datanet, or a private one the viewer does not own: the same answer for both. */
export default function DatanetNotFound() {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-4 py-24 text-center">
      <div className="flex size-14 items-center justify-center rounded-2xl border bg-card text-primary shadow-sm">
        <DatabaseZap className="size-6" aria-hidden="true" />
      </div>
      <p className="mt-6 font-mono text-muted-foreground text-sm">404</p>
      <h1 className="mt-2 font-semibold text-3xl tracking-tight">No such Datanet</h1>
      <p className="mt-3 text-pretty text-muted-foreground">
        There is no Datanet at this address, or it is private and you are not its owner. If it is yours, sign in with
        the wallet that created it.
      </p>
      <Button asChild className="mt-8">
        <Link href="/datanets">
          <ArrowLeft aria-hidden="true" />
          All Datanets
        </Link>
      </Button>
    </div>
  );
}
