import { Coins, Database, Layers, type LucideIcon, WandSparkles } from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

/** The app's sections, in the order of the flow. Labels double as the links' accessible names. */
export const navItems: NavItem[] = [
  { href: "/datanets", label: "Datanets", icon: Database },
  { href: "/factory", label: "ModelFactory", icon: WandSparkles },
  { href: "/models", label: "Models", icon: Layers },
  { href: "/rewards", label: "Rewards", icon: Coins },
];

export function isActivePath(pathname: string | null, href: string): boolean {
  if (!pathname) return false;
  return pathname === href || pathname.startsWith(`${href}/`);
}
