import { Skeleton } from "@/components/ui/skeleton";

const CARDS = ["a", "b", "c", "d", "e", "f"];

/** Mirrors the Datanet list (header, filters, a grid of cards) so results swap in without a jump. */
export default function DatanetsLoading() {
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-10 px-4 py-10 sm:px-6 sm:py-14">
      <span className="sr-only" role="status">
        Loading Datanets…
      </span>
      <div className="flex flex-col gap-3 border-b pb-8">
        <Skeleton className="h-5 w-36" />
        <Skeleton className="h-9 w-48 max-w-full" />
        <Skeleton className="h-5 w-full max-w-2xl" />
        <Skeleton className="h-5 w-4/5 max-w-xl" />
      </div>
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-2 sm:flex-row">
          <Skeleton className="h-9 flex-1" />
          <Skeleton className="h-9 sm:w-48" />
          <Skeleton className="h-9 sm:w-48" />
        </div>
        <Skeleton className="h-7 w-2/3" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {CARDS.map((key) => (
            <div key={key} className="flex flex-col gap-3 rounded-xl border bg-card p-5">
              <Skeleton className="h-6 w-2/3" />
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-4 w-5/6" />
              <div className="flex gap-1.5">
                <Skeleton className="h-5 w-24 rounded-full" />
                <Skeleton className="h-5 w-20 rounded-full" />
              </div>
              <Skeleton className="mt-2 h-4 w-3/4" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
