import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages stay out of the server bundle and are required at run time.
  serverExternalPackages: ["pg", "pg-boss", "pino", "prom-client", "@prisma/adapter-pg"],
  // The orchestrator may build into another folder so tests never clash with a running app.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Types are checked by `npm run typecheck` (part of `npm test`); skipping them here keeps `npm start` quick.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
