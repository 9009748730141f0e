"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";
import { isActivePath, navItems } from "./nav-items";

/** The desktop navigation; below `lg` the mobile menu takes over. */
export function MainNav({ className }: { className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={cn("hidden items-center gap-1 lg:flex", className)}>
      {navItems.map((item) => {
        const active = isActivePath(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "relative rounded-md px-3 py-2 font-medium text-muted-foreground text-sm transition-colors hover:bg-accent/60 hover:text-foreground",
              active &&
                "text-foreground after:absolute after:inset-x-3 after:-bottom-[13px] after:h-0.5 after:rounded-full after:bg-primary",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
