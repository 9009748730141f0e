import { ArrowRight, Sparkles } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FlowDiagram } from "./flow-diagram";

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative isolate overflow-hidden border-b">
      <HeroBackdrop />
      <div className="mx-auto flex max-w-6xl flex-col items-center px-4 pt-16 pb-12 text-center sm:px-6 sm:pt-24 sm:pb-16">
        <Badge variant="accent" className="gap-1.5 px-3 py-1">
          <Sparkles aria-hidden="true" />
          Payable AI
        </Badge>
        <h1
          id="hero-title"
          className="mt-6 max-w-3xl text-balance font-semibold text-4xl tracking-tight sm:text-5xl lg:text-6xl"
        >
          AI that pays the people <span className="text-primary">behind its data</span>.
        </h1>
        <p className="mt-5 max-w-2xl text-pretty text-lg text-muted-foreground">
          Communities curate datasets, anyone fine-tunes a model on them without code, and every answer carries a
          receipt that routes part of its fee to the contributors who shaped it.
        </p>
        <div className="mt-8 flex w-full flex-col items-stretch justify-center gap-3 sm:w-auto sm:flex-row sm:items-center">
          <Button asChild size="lg">
            <Link href="/datanets">
              Start curating data
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/factory">Fine-tune a model</Link>
          </Button>
        </div>
        <div className="mt-14 w-full rounded-2xl border bg-card/70 p-4 text-left shadow-sm backdrop-blur-sm sm:p-6 lg:px-10 lg:pt-10 lg:pb-8">
          <FlowDiagram />
        </div>
      </div>
    </section>
  );
}

/** A dotted grid that fades out, plus a soft glow in the brand colour. Purely decorative. */
function HeroBackdrop() {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 -z-10">
      <div className="absolute inset-0 bg-[radial-gradient(circle,var(--border)_1px,transparent_1px)] [mask-image:radial-gradient(ellipse_70%_60%_at_50%_0%,black,transparent)] bg-[size:22px_22px]" />
      <div className="absolute -top-40 left-1/2 h-[28rem] w-[56rem] max-w-[140vw] -translate-x-1/2 rounded-full bg-[radial-gradient(closest-side,color-mix(in_oklab,var(--primary)_18%,transparent),transparent)]" />
    </div>
  );
}
