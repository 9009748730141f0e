import Link from "next/link";
import { FaucetButton } from "@/components/wallet/faucet-button";
import { WalletButton } from "@/components/wallet/wallet-button";
import { LogoMark } from "./logo";
import { MainNav } from "./main-nav";
import { MobileNav } from "./mobile-nav";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/80 backdrop-blur-md supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-4 sm:px-6">
        {/* Named "Home" so it never competes with the "ModelFactory" nav link for that name. */}
        <Link
          href="/"
          aria-label="Home"
          className="-ml-1 flex shrink-0 items-center gap-2 rounded-md px-1 py-1 font-semibold tracking-tight"
        >
          <LogoMark />
          <span className="text-[15px]">ModelFactory</span>
        </Link>
        <MainNav className="ml-6" />
        <div className="ml-auto flex min-w-0 items-center gap-1.5 sm:gap-2">
          <ThemeToggle className="hidden sm:inline-flex" />
          <FaucetButton className="hidden sm:inline-flex" />
          <WalletButton />
          <MobileNav />
        </div>
      </div>
    </header>
  );
}
