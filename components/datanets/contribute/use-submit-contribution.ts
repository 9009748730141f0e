"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type Address, BaseError, UserRejectedRequestError } from "viem";
import { useAccount, useSignTypedData, useSwitchChain } from "wagmi";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { contributionTypedData } from "@/lib/datanets/versions/signature";
import { contributionForm, randomNonce, type SignedFields } from "./contribution-form";
import { SendAborted, sendForm } from "./send-form";
import type { ApiError, ContributeTarget, DroppedFile, SubmittedContribution } from "./types";
import type { Preview } from "./use-contribution-check";

/** How long a contribution signature stays valid: long enough to upload, short enough to mean "now". */
const DEADLINE_SECONDS = 60 * 60;

export type SubmitState =
  | { phase: "idle" }
  | { phase: "signing" }
  | { phase: "uploading"; loaded: number; total: number }
  | { phase: "storing" }
  | { phase: "done"; submitted: SubmittedContribution }
  | { phase: "error"; error: ApiError };

function declined(error: unknown): boolean {
  if (error instanceof BaseError) return error.walk((e) => e instanceof UserRejectedRequestError) !== null;
  return (error as { code?: unknown } | null)?.code === 4001;
}

function walletMessage(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Signs the previewed contribution (EIP-712, through the connected wallet) and submits it with the same files
 * and reading options, so the server derives the same content root. Declining in the wallet sends nothing.
 */
export function useSubmitContribution(target: ContributeTarget) {
  const router = useRouter();
  const config = usePublicConfig();
  const account = useAccount();
  const { signTypedDataAsync } = useSignTypedData();
  const { switchChainAsync } = useSwitchChain();
  const [state, setState] = useState<SubmitState>({ phase: "idle" });
  const abortRef = useRef<(() => void) | null>(null);
  useEffect(() => () => abortRef.current?.(), []);

  const registry = config.contracts?.DatanetRegistry as Address | undefined;

  const submit = useCallback(
    async (files: readonly DroppedFile[], preview: Preview) => {
      if (!registry) {
        setState({
          phase: "error",
          error: {
            code: "not_deployed",
            message: "The contracts are not deployed on this chain, so nothing can be signed.",
          },
        });
        return;
      }
      const { result } = preview;
      const nonce = randomNonce();
      const deadline = Math.floor(Date.now() / 1000) + DEADLINE_SECONDS;
      setState({ phase: "signing" });
      let signature: `0x${string}`;
      try {
        if (account.chainId !== undefined && account.chainId !== config.chainId) {
          await switchChainAsync({ chainId: config.chainId });
        }
        signature = await signTypedDataAsync(
          contributionTypedData(
            { chainId: config.chainId, verifyingContract: registry },
            {
              datanetId: BigInt(result.datanetSigningId),
              contentRoot: result.contentRoot,
              rowCount: BigInt(result.rowCount),
              license: result.license,
              nonce: BigInt(nonce),
              deadline: BigInt(deadline),
            },
          ),
        );
      } catch (error) {
        setState({
          phase: "error",
          error: declined(error)
            ? {
                code: "signature_declined",
                message:
                  "You declined the signature in your wallet, so nothing was sent. Sign again when you are ready.",
              }
            : { code: "wallet_error", message: `Your wallet could not sign: ${walletMessage(error)}` },
        });
        return;
      }

      const signed: SignedFields = {
        contentRoot: result.contentRoot,
        rowCount: result.rowCount,
        license: result.license,
        nonce,
        deadline,
        signature,
        chainId: config.chainId,
        verifyingContract: registry,
      };
      setState({ phase: "uploading", loaded: 0, total: files.reduce((sum, f) => sum + f.file.size, 0) });
      const { promise, abort } = sendForm<SubmittedContribution>(
        `/api/datanets/${encodeURIComponent(target.id)}/contributions`,
        contributionForm(files, preview.options, signed),
        {
          onUploadProgress: ({ loaded, total }) => setState({ phase: "uploading", loaded, total }),
          onUploaded: () => setState({ phase: "storing" }),
        },
      );
      abortRef.current = abort;
      try {
        const answer = await promise;
        abortRef.current = null;
        if (answer.ok) {
          setState({ phase: "done", submitted: answer.body });
          // The page's counts (pending rows and contributions) include this contribution now.
          router.refresh();
        } else setState({ phase: "error", error: answer.error });
      } catch (error) {
        if (!(error instanceof SendAborted)) throw error;
      }
    },
    [account.chainId, config.chainId, registry, router, signTypedDataAsync, switchChainAsync, target.id],
  );

  const reset = useCallback(() => {
    abortRef.current?.();
    abortRef.current = null;
    setState({ phase: "idle" });
  }, []);

  return { state, submit, reset, registry };
}
