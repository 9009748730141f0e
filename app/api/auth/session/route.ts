import { NextResponse } from "next/server";
import { findSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { errorResponse, noStore } from "@/lib/http/responses";
import { readSessionToken } from "@/lib/http/session-cookie";

/** Who is signed in with this browser, if anyone. */
export async function GET() {
  try {
    const session = await findSession(db(), await readSessionToken());
    if (!session) return NextResponse.json({ authenticated: false }, { headers: noStore });
    return NextResponse.json(
      {
        authenticated: true,
        address: session.address,
        chainId: session.chainId,
        expiresAt: session.expiresAt.toISOString(),
      },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
