"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { LoaderCircle, PenLine, RotateCcw, TriangleAlert, Wallet } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount, plural, shortAddress } from "../format";
import { ApiErrorCallout } from "./api-error-callout";
import { CopyValue } from "./copy-value";
import { TransferProgress } from "./transfer-progress";
import type { Preview } from "./use-contribution-check";
import type { SubmitState } from "./use-submit-contribution";

/** Errors a fresh check fixes: the files or the nonce changed since the preview was signed. */
const RECHECK_CODES = new Set(["content_mismatch", "nonce_used", "deadline_passed", "message_mismatch"]);

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-center justify-between gap-3 border-b py-2 last:border-0">
      <dt className="shrink-0 text-muted-foreground text-sm">{term}</dt>
      <dd className="min-w-0 text-right font-medium text-sm">{children}</dd>
    </div>
  );
}

/**
 * The last step: what the wallet will sign (rows, licence, content root), the button that signs and submits,
 * and how that went (waiting for the wallet, uploading, storing, or why it failed).
 */
export function SignPanel({
  preview,
  stale,
  state,
  sessionAddress,
  walletAddress,
  registryDeployed,
  onSubmit,
  onRecheck,
}: {
  preview: Preview | null;
  /** A check is running: what would be signed is about to change. */
  stale: boolean;
  state: SubmitState;
  sessionAddress: string | undefined;
  walletAddress: string | undefined;
  registryDeployed: boolean;
  onSubmit: () => void;
  onRecheck: () => void;
}) {
  const { openConnectModal } = useConnectModal();
  const result = preview?.result;
  const working = state.phase === "signing" || state.phase === "uploading" || state.phase === "storing";
  const otherAccount =
    walletAddress !== undefined &&
    sessionAddress !== undefined &&
    walletAddress.toLowerCase() !== sessionAddress.toLowerCase();
  const canSign = !!result && result.rowCount > 0 && !stale && !working && registryDeployed && !otherAccount;

  return (
    <Card aria-labelledby="sign-panel-title">
      <CardHeader className="pb-4">
        <CardTitle id="sign-panel-title" className="flex items-center gap-2">
          <PenLine className="size-4 text-primary" aria-hidden="true" />
          Sign and submit
        </CardTitle>
        <CardDescription>
          {result
            ? "Your wallet signs these values (EIP-712). The server checks that your files give exactly this root."
            : "Check your files first. You will then sign the row count, the licence and the content root: a Merkle root over your rows."}
        </CardDescription>
      </CardHeader>
      {result ? (
        <CardContent className="grid gap-3">
          <dl aria-label="What will be signed">
            <Item term="Rows">{formatCount(result.rowCount)}</Item>
            <Item term="Licence">
              <code className="font-mono">{result.license}</code>
            </Item>
            <Item term="Content root">
              <CopyValue value={result.contentRoot} label="Copy the content root" />
            </Item>
            {sessionAddress ? (
              <Item term="Signer">
                <span className="font-mono" title={sessionAddress}>
                  {shortAddress(sessionAddress)}
                </span>
              </Item>
            ) : null}
            <Item term="Valid for">1 hour</Item>
          </dl>
          {result.report.flaggedRows > 0 ? (
            <p className="text-muted-foreground text-xs">
              {plural(result.report.flaggedRows, "flagged row")} will be submitted with{" "}
              {result.report.flaggedRows === 1 ? "its" : "their"} flags; reviewers see them and may reject them.
            </p>
          ) : null}
          {result.rowCount === 0 ? (
            <p className="text-destructive text-sm">Nothing to sign: the files gave no usable row.</p>
          ) : null}
          {!registryDeployed ? (
            <p className="text-destructive text-sm">
              The DatanetRegistry contract is not deployed on this chain, so there is nothing to sign against.
            </p>
          ) : null}
          {otherAccount && sessionAddress ? (
            <p className="flex gap-2 text-sm" role="status">
              <TriangleAlert className="mt-0.5 size-4 shrink-0 text-token" aria-hidden="true" />
              Your wallet is on another account than the one signed in ({shortAddress(sessionAddress)}): switch back to
              sign.
            </p>
          ) : null}
        </CardContent>
      ) : null}
      <CardFooter className="grid gap-3">
        <p className="sr-only" aria-live="polite">
          {state.phase === "signing" ? "Confirm the signature in your wallet." : ""}
        </p>
        {state.phase === "uploading" ? (
          <TransferProgress state={state} uploadingLabel="Sending files…" workingLabel="Storing…" />
        ) : state.phase === "storing" ? (
          <TransferProgress
            state={{ phase: "working" }}
            uploadingLabel="Sending files…"
            workingLabel="Checking again and storing rows…"
          />
        ) : walletAddress === undefined && result ? (
          <Button onClick={openConnectModal} disabled={!openConnectModal}>
            <Wallet aria-hidden="true" />
            Connect your wallet to sign
          </Button>
        ) : (
          <Button size="lg" onClick={onSubmit} disabled={!canSign}>
            {state.phase === "signing" ? (
              <>
                <LoaderCircle className="animate-spin motion-reduce:animate-none" aria-hidden="true" />
                Confirm in your wallet…
              </>
            ) : (
              <>
                <PenLine aria-hidden="true" />
                {state.phase === "error" ? "Sign and submit again" : "Sign and submit"}
              </>
            )}
          </Button>
        )}
        {state.phase === "error" ? (
          <ApiErrorCallout
            title={state.error.code === "signature_declined" ? "Not signed" : "Not submitted"}
            error={state.error}
          >
            <p className="text-muted-foreground text-xs">Your files are still here: fix what is wrong and try again.</p>
            {RECHECK_CODES.has(state.error.code) ? (
              <Button size="sm" variant="outline" className="w-fit" onClick={onRecheck}>
                <RotateCcw aria-hidden="true" />
                Check the files again
              </Button>
            ) : null}
          </ApiErrorCallout>
        ) : null}
      </CardFooter>
    </Card>
  );
}
