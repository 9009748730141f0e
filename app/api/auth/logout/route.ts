import { NextResponse } from "next/server";
import { endSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { errorResponse, noStore } from "@/lib/http/responses";
import { clearSessionCookie, readSessionToken } from "@/lib/http/session-cookie";

/** Ends this browser's session. */
export async function POST() {
  try {
    await endSession(db(), await readSessionToken());
    await clearSessionCookie();
    return NextResponse.json({ authenticated: false }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
