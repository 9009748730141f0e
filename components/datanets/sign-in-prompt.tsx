"use client";

import { SignInPrompt as WalletSignInPrompt } from "@/components/wallet/sign-in-prompt";

/** Shown instead of a Datanet form that needs a signed-in wallet. */
export function SignInPrompt({ action }: { action: string }) {
  return (
    <WalletSignInPrompt
      action={action}
      why="A Datanet belongs to the wallet that creates it: its owner sets the review rules and publishes versions on-chain."
    />
  );
}
