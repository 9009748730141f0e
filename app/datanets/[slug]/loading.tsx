import { Skeleton } from "@/components/ui/skeleton";

const STATS = ["rows", "contributors", "versions", "quality", "pending"];

/** Mirrors a Datanet's page (header, tabs, stat cards, description) while it loads. */
export default function DatanetLoading() {
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-10 px-4 py-10 sm:px-6 sm:py-14">
      <span className="sr-only" role="status">
        Loading the Datanet…
      </span>
      <div className="flex flex-col gap-4 border-b pb-8">
        <div className="flex gap-1.5">
          <Skeleton className="h-5 w-28 rounded-full" />
          <Skeleton className="h-5 w-24 rounded-full" />
          <Skeleton className="h-5 w-20 rounded-full" />
        </div>
        <Skeleton className="h-9 w-80 max-w-full" />
        <Skeleton className="h-5 w-full max-w-2xl" />
        <Skeleton className="h-5 w-64" />
      </div>
      <div className="flex flex-col gap-6">
        <Skeleton className="h-9 w-full max-w-xl" />
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
          {STATS.map((key) => (
            <Skeleton key={key} className="h-24 rounded-xl" />
          ))}
        </div>
        <Skeleton className="h-64 rounded-xl" />
      </div>
    </div>
  );
}
