import { NextResponse } from "next/server";
import { signIn } from "@/lib/auth/sign-in";
import { signInRequestSchema } from "@/lib/auth/validation";
import { chainClient } from "@/lib/chain/server";
import { serverConfig } from "@/lib/config/server";
import { db } from "@/lib/db/client";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";
import { writeSessionCookie } from "@/lib/http/session-cookie";

/** Verifies a signed SIWE message and opens a session (httpOnly cookie). */
export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, signInRequestSchema);
    const config = serverConfig();
    const url = new URL(request.url);
    const host = request.headers.get("host") ?? url.host;
    const { token, session } = await signIn(db(), {
      ...body,
      allowedDomains: config.SIWE_ALLOWED_DOMAINS.length > 0 ? config.SIWE_ALLOWED_DOMAINS : [host],
      chainId: config.CHAIN_ID,
      chainClient: chainClient(),
      ttlHours: config.SESSION_TTL_HOURS,
      userAgent: request.headers.get("user-agent"),
    });
    const secure = (request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")) === "https";
    await writeSessionCookie(token, session.expiresAt, secure);
    return NextResponse.json(
      { address: session.address, chainId: session.chainId, expiresAt: session.expiresAt.toISOString() },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
