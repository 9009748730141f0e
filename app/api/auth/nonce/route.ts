import { NextResponse } from "next/server";
import { issueNonce } from "@/lib/auth/nonce";
import { serverConfig } from "@/lib/config/server";
import { db } from "@/lib/db/client";
import { errorResponse, noStore } from "@/lib/http/responses";

/** A fresh single-use nonce for a Sign-In with Ethereum message. */
export async function GET() {
  try {
    const nonce = await issueNonce(db(), serverConfig().SIWE_NONCE_TTL_SECONDS);
    return NextResponse.json({ nonce }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
