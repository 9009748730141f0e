import { Skeleton } from "@/components/ui/skeleton";

/** Mirrors the create form while it loads. */
export default function NewDatanetLoading() {
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-10 px-4 py-10 sm:px-6 sm:py-14">
      <span className="sr-only" role="status">
        Loading the form…
      </span>
      <div className="flex flex-col gap-3 border-b pb-8">
        <Skeleton className="h-5 w-36" />
        <Skeleton className="h-9 w-64 max-w-full" />
        <Skeleton className="h-5 w-full max-w-2xl" />
      </div>
      <Skeleton className="h-96 w-full max-w-3xl rounded-xl" />
    </div>
  );
}
