import { Building2, Coins, Landmark, Users } from "lucide-react";

const shares = [
  { icon: Building2, label: "Model owner", note: "who fine-tuned and published the model" },
  { icon: Users, label: "Contributors", note: "named on the answer's receipt" },
  { icon: Landmark, label: "Protocol", note: "keeps the network running" },
];

/** The sixth tile of the steps grid: where a fee goes, and the OPEN token's fixed supply. */
export function TokenCard() {
  return (
    <article className="relative flex flex-col overflow-hidden rounded-2xl border border-token/30 bg-[linear-gradient(160deg,color-mix(in_oklab,var(--token)_12%,var(--card)),var(--card)_60%)] p-6 shadow-xs">
      <div className="flex items-center gap-2 font-medium text-sm">
        <span className="flex size-7 items-center justify-center rounded-full bg-token/15 text-token">
          <Coins className="size-4" aria-hidden="true" />
        </span>
        The OPEN token
      </div>
      <p className="mt-5 font-semibold text-3xl tabular-nums tracking-tight">1,000,000,000</p>
      <p className="text-muted-foreground text-sm">fixed supply, on an Ethereum-compatible L2</p>
      <h3 className="mt-6 font-semibold text-sm">Where each fee goes</h3>
      <ul className="mt-3 flex flex-col gap-2">
        {shares.map(({ icon: Icon, label, note }) => (
          <li key={label} className="flex items-center gap-3 rounded-lg border bg-background/60 px-3 py-2">
            <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="flex min-w-0 flex-col">
              <span className="font-medium text-sm">{label}</span>
              <span className="text-muted-foreground text-xs">{note}</span>
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
