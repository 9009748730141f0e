"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Droplets, Loader2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { LOCAL_CHAIN_ID } from "@/lib/chain/chains";
import { usePublicConfig } from "./public-config-context";
import { useSession } from "./session-context";

/** Local chain only: tops the signed-in account up with test ETH and OPEN from the community allocation. */
export function FaucetButton({ className }: { className?: string }) {
  const config = usePublicConfig();
  const { status } = useSession();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  if (config.chainId !== LOCAL_CHAIN_ID || !config.contracts || status !== "authenticated") return null;

  const drip = async () => {
    setPending(true);
    try {
      const response = await fetch("/api/faucet", { method: "POST" });
      const body = (await response.json()) as { error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `The faucet failed (HTTP ${response.status}).`);
      toast.success("Sent 10 test ETH and 1,000 OPEN to your account.");
      await queryClient.invalidateQueries();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Button
      variant="outline"
      size="sm"
      onClick={drip}
      disabled={pending}
      title="Local chain: get 10 test ETH and 1,000 OPEN"
      aria-label="Get test OPEN"
      className={className}
    >
      {pending ? <Loader2 className="animate-spin" /> : <Droplets />}
      Faucet
    </Button>
  );
}
