import { Database, SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What the list says when it has nothing to show: no Datanets at all, or none matching the filters. */
export function DatanetListEmpty({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState
        icon={SearchX}
        title="No Datanets match these filters"
        description="Try other words, or fewer filters: a Datanet matches when every filter fits it."
        actions={
          <Button asChild variant="outline">
            <Link href="/datanets">Clear filters</Link>
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={Database}
      title="No Datanets yet"
      description="Be the first: start a Datanet for your domain, choose its row schema and review rules, and invite people to contribute."
      capabilities={[
        "Create a Datanet with a schema and review rules",
        "Drop in files and preview the parsed rows",
        "See schema, duplicate and PII checks before you submit",
        "Sign each contribution with your wallet",
      ]}
      actions={
        <Button asChild variant="outline">
          <Link href="/#how-it-works">See how the loop works</Link>
        </Button>
      }
    />
  );
}
