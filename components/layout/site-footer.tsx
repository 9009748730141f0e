import Link from "next/link";
import { LogoMark } from "./logo";

const flow = ["Curate", "Train", "Serve", "Attribute", "Get paid"];

export function SiteFooter() {
  return (
    <footer className="border-t bg-muted/30">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6 md:flex-row md:items-start md:justify-between">
        <div className="flex max-w-sm flex-col gap-3">
          <div className="flex items-center gap-2 font-semibold tracking-tight">
            <LogoMark className="size-6" />
            ModelFactory
          </div>
          <p className="text-muted-foreground text-sm">
            Payable AI: community data, fine-tuned models and on-chain attribution, so the people behind the data get
            paid in OPEN.
          </p>
        </div>
        <div className="flex flex-col gap-3 text-sm md:items-end">
          <ol aria-label="The flow" className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted-foreground">
            {flow.map((step, i) => (
              <li key={step} className="flex items-center gap-2">
                {i > 0 ? (
                  <span aria-hidden="true" className="text-muted-foreground/50">
                    →
                  </span>
                ) : null}
                {step}
              </li>
            ))}
          </ol>
          <p className="text-muted-foreground">
            OPEN has a fixed supply of <span className="font-medium text-foreground tabular-nums">1,000,000,000</span>.
          </p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <Link href="/#how-it-works" className="font-medium text-primary underline-offset-4 hover:underline">
              How it works
            </Link>
            <Link
              href="/debug"
              className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
            >
              Contracts debug
            </Link>
          </div>
        </div>
      </div>
    </footer>
  );
}
