"use client";

import { ChevronRight, Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { FaucetButton } from "@/components/wallet/faucet-button";
import { cn } from "@/lib/utils/cn";
import { LogoMark } from "./logo";
import { isActivePath, navItems } from "./nav-items";
import { ThemeSwitch } from "./theme-switch";

/** Below `lg` the navigation lives in a sheet behind a menu button. */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open menu" className="lg:hidden">
          <Menu className="size-5" aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent>
        <SheetHeader>
          <SheetTitle className="flex items-center gap-2">
            <LogoMark className="size-6" />
            Menu
          </SheetTitle>
          <SheetDescription>Curate, train, serve, attribute, get paid.</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main" className="mt-2 flex flex-col gap-1">
          {navItems.map(({ href, label, icon: Icon }) => {
            const active = isActivePath(pathname, href);
            return (
              <Link
                key={href}
                href={href}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  "group flex items-center gap-3 rounded-lg px-3 py-2.5 font-medium text-sm transition-colors hover:bg-accent",
                  active ? "bg-accent text-accent-foreground" : "text-foreground",
                )}
              >
                <Icon
                  className="size-4 text-muted-foreground group-aria-[current=page]:text-primary"
                  aria-hidden="true"
                />
                {label}
                <ChevronRight className="ml-auto size-4 text-muted-foreground/60" aria-hidden="true" />
              </Link>
            );
          })}
        </nav>
        <div className="mt-auto flex flex-col gap-2 border-t pt-4">
          {/* The header has no room for the faucet at phone widths; it lives here instead. */}
          <FaucetButton className="w-full sm:hidden" />
          <p className="font-medium text-muted-foreground text-xs">Appearance</p>
          <ThemeSwitch />
        </div>
      </SheetContent>
    </Sheet>
  );
}
