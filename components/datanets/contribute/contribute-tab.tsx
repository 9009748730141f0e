"use client";

import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/components/wallet/session-context";
import { ContributeFlow } from "./contribute-flow";
import { ContributeSignIn } from "./contribute-sign-in";
import type { ContributeTarget } from "./types";

/** The Contribute tab's client side: a sign-in prompt, or the contribution flow for the signed-in address. */
export function ContributeTab({ target }: { target: ContributeTarget }) {
  const { status, session } = useSession();
  if (status === "loading") return <Skeleton className="h-72 w-full rounded-xl" aria-label="Loading" />;
  if (status !== "authenticated") return <ContributeSignIn datanetName={target.name} kind={target.kind} />;
  return <ContributeFlow key={session.address} target={target} sessionAddress={session.address} />;
}
