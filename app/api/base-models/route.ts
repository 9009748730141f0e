import { NextResponse } from "next/server";
import { baseModelChoices } from "@/lib/factory/base-model-cards";

/** Read on each request: a checkpoint folder dropped into DATA_DIR/checkpoints shows at once. */
export const dynamic = "force-dynamic";

/**
 * The base models a run can fine-tune: the shipped catalog and the imported checkpoints as cards, plus the imported
 * folders that cannot be used (each with its problem) and where checkpoints go.
 */
export function GET() {
  return NextResponse.json(baseModelChoices());
}
