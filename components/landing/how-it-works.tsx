import { StepCard } from "./step-card";
import { flowSteps } from "./steps";
import { TokenCard } from "./token-card";

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-it-works-title" className="scroll-mt-20">
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-20">
        <div className="max-w-2xl">
          <p className="font-medium text-primary text-sm">How it works</p>
          <h2 id="how-it-works-title" className="mt-2 text-balance font-semibold text-3xl tracking-tight sm:text-4xl">
            Five steps, one loop
          </h2>
          <p className="mt-4 text-pretty text-muted-foreground text-lg">
            Each step is a part of the app. Data goes in at one end, paid answers come out at the other, and the payment
            finds its way back to whoever supplied the data.
          </p>
        </div>
        <div className="mt-12 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {flowSteps.map((step, i) => (
            <StepCard key={step.verb} step={step} index={i} />
          ))}
          <TokenCard />
        </div>
      </div>
    </section>
  );
}
