import { NextResponse } from "next/server";
import { chainClient } from "@/lib/chain/server";
import { serverConfig } from "@/lib/config/server";
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/checks";
import { noStore } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** 200 when the database, chain, queue and a worker are all alive; 503 naming what is not. */
export async function GET() {
  const config = serverConfig();
  const report = await checkHealth({
    db: db(),
    readChainId: () => chainClient().getChainId(),
    expectedChainId: config.CHAIN_ID,
    workerMaxAgeMs: config.WORKER_HEARTBEAT_SECONDS * 3_000,
  });
  return NextResponse.json(report, { status: report.status === "ok" ? 200 : 503, headers: noStore });
}
