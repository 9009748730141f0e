import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function ClosingCta() {
  return (
    <section aria-labelledby="closing-cta-title" className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
      <div className="relative isolate overflow-hidden rounded-3xl border bg-card px-6 py-12 text-center shadow-sm sm:px-12 sm:py-16">
        <div
          aria-hidden="true"
          className="absolute inset-0 -z-10 bg-[radial-gradient(ellipse_at_bottom,color-mix(in_oklab,var(--primary)_14%,transparent),transparent_65%)]"
        />
        <h2 id="closing-cta-title" className="text-balance font-semibold text-2xl tracking-tight sm:text-3xl">
          Bring the data, or build the model. Either way, you get paid.
        </h2>
        <p className="mx-auto mt-3 max-w-xl text-pretty text-muted-foreground">
          Contributors earn when their data shapes an answer; builders earn when their model is used.
        </p>
        <div className="mt-8 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
          <Button asChild size="lg">
            <Link href="/datanets">
              Contribute data
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/factory">Open the wizard</Link>
          </Button>
        </div>
      </div>
    </section>
  );
}
