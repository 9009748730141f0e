"use client";

import { ConnectButton } from "@rainbow-me/rainbowkit";

/** The header's wallet button: connect, sign in (SIWE), then the account menu. */
export function WalletButton() {
  return (
    <ConnectButton
      label="Connect wallet"
      accountStatus={{ smallScreen: "avatar", largeScreen: "full" }}
      chainStatus={{ smallScreen: "none", largeScreen: "icon" }}
      showBalance={{ smallScreen: false, largeScreen: true }}
    />
  );
}
