"use client";

import { createContext, useContext } from "react";
import type { PublicConfig } from "@/lib/config/public";

export const PublicConfigContext = createContext<PublicConfig | null>(null);

/** The chain settings and deployed contract addresses the server handed to this page. */
export function usePublicConfig(): PublicConfig {
  const config = useContext(PublicConfigContext);
  if (!config) throw new Error("usePublicConfig must be used inside <ClientProviders>");
  return config;
}
