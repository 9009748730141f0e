/** A contributor's share of the Datanet's accepted rows as a thin bar and a percentage. */
export function ShareBar({ share }: { share: number }) {
  const percent = Math.round(share * 1000) / 10;
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div className="h-2 flex-1 overflow-hidden rounded-full bg-muted dark:bg-input/60" aria-hidden="true">
        <div className="h-full rounded-full bg-primary" style={{ width: `${Math.min(100, share * 100)}%` }} />
      </div>
      <span className="w-12 text-right text-xs tabular-nums">{percent}%</span>
    </div>
  );
}
