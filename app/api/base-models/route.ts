import { NextResponse } from "next/server";
import { baseModelCards } from "@/lib/factory/base-model-cards";

/** The base models a run can fine-tune: the shipped catalog as cards. */
export function GET() {
  return NextResponse.json({ models: baseModelCards() });
}
