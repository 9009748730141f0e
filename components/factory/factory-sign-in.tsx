"use client";

import { SignInPrompt } from "@/components/wallet/sign-in-prompt";

/** Shown instead of ModelFactory pages that need a signed-in wallet. */
export function FactorySignIn({ action }: { action: string }) {
  return (
    <SignInPrompt
      action={action}
      why="Training runs belong to the wallet that launches them: only you see their progress, and later publish the model."
    />
  );
}
