import { Skeleton } from "@/components/ui/skeleton";

/** Mirrors a section page (header, then a large card) so content swaps in without a jump. */
export default function Loading() {
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-10 px-4 py-10 sm:px-6 sm:py-14">
      <span className="sr-only" role="status">
        Loading…
      </span>
      <div className="flex flex-col gap-3 border-b pb-8">
        <Skeleton className="h-5 w-36" />
        <Skeleton className="h-9 w-64 max-w-full" />
        <Skeleton className="h-5 w-full max-w-2xl" />
        <Skeleton className="h-5 w-4/5 max-w-xl" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {["a", "b", "c"].map((key) => (
          <div key={key} className="flex flex-col gap-3 rounded-xl border bg-card p-6">
            <Skeleton className="size-10 rounded-xl" />
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
          </div>
        ))}
      </div>
    </div>
  );
}
