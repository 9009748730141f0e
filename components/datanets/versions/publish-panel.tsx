"use client";

import { Check } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils/cn";
import { plural } from "../format";
import { publishState } from "./publish-state";
import { PublishStep } from "./publish-step";
import { RegisterStep } from "./register-step";

type PublishPanelProps = {
  datanetId: string;
  onchainId: string | null;
  nextNumber: number;
  acceptedRows: number;
  unpublishedChanges: number;
  onRegistered: (onchainId: string) => void;
  onPublished: () => void;
};

/** The owner's panel: register on-chain (once), then publish the accepted rows as the next version. */
export function PublishPanel(props: PublishPanelProps) {
  const registered = props.onchainId !== null;
  // The version this panel just published: its step (and its success) stays on screen while the data catches up.
  const [justPublished, setJustPublished] = useState<number | null>(null);
  // A new round remounts the publish step, empty, for the next version.
  const [round, setRound] = useState(0);
  const state = publishState({
    registered,
    acceptedRows: props.acceptedRows,
    nextNumber: props.nextNumber,
    unpublishedChanges: props.unpublishedChanges,
    justPublished,
  });
  const nothingNew = (latest: number) => (
    <p className="text-muted-foreground text-sm">
      Nothing new since version {latest}: it already holds every accepted row. Accept new contributions, then publish.
    </p>
  );
  return (
    <section aria-labelledby="publish-panel-title">
      <Card className="border-primary/25">
        <CardHeader className="pb-4">
          <CardTitle id="publish-panel-title">Publish a new version</CardTitle>
          <CardDescription>
            A version is an immutable snapshot of the {plural(props.acceptedRows, "accepted row")}: its Merkle root goes
            on-chain, so anyone can check a row was in it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="grid gap-5">
            <PanelStep
              number={1}
              title="Register on-chain"
              done={registered}
              doneNote={`Registered as #${props.onchainId}`}
            >
              {registered ? null : <RegisterStep datanetId={props.datanetId} onRegistered={props.onRegistered} />}
            </PanelStep>
            <PanelStep
              number={2}
              title={`Publish version ${state.kind === "published" ? state.number : props.nextNumber}`}
              done={state.kind === "published"}
              doneNote="published"
              disabled={!registered}
            >
              {state.kind === "unregistered" ? (
                <p className="text-muted-foreground text-sm">Available once the Datanet is registered.</p>
              ) : state.kind === "no_rows" ? (
                <p className="text-muted-foreground text-sm">
                  No accepted rows yet: a version needs at least one contribution accepted by reviewers.
                </p>
              ) : state.kind === "nothing_new" ? (
                nothingNew(state.latest)
              ) : (
                <>
                  <PublishStep
                    key={round}
                    datanetId={props.datanetId}
                    nextNumber={props.nextNumber}
                    onPublished={(number) => {
                      setJustPublished(number);
                      props.onPublished();
                    }}
                  />
                  {state.kind === "published" && state.next === "nothing_new" ? nothingNew(state.number) : null}
                  {state.kind === "published" && state.next === "ready" ? (
                    <div className="grid justify-items-start gap-2">
                      <p className="text-muted-foreground text-sm">
                        {plural(props.unpublishedChanges, "row")} changed since version {state.number}.
                      </p>
                      <Button
                        variant="outline"
                        onClick={() => {
                          setJustPublished(null);
                          setRound((r) => r + 1);
                        }}
                      >
                        Prepare version {props.nextNumber}
                      </Button>
                    </div>
                  ) : null}
                </>
              )}
            </PanelStep>
          </ol>
        </CardContent>
      </Card>
    </section>
  );
}

function PanelStep({
  number,
  title,
  done,
  doneNote,
  disabled,
  children,
}: {
  number: number;
  title: string;
  done: boolean;
  doneNote?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <li className="grid grid-cols-[1.75rem_minmax(0,1fr)] gap-3">
      <span
        aria-hidden="true"
        className={cn(
          "flex size-7 items-center justify-center rounded-full border font-semibold text-xs",
          done
            ? "border-primary/30 bg-accent text-primary"
            : disabled
              ? "text-muted-foreground"
              : "border-primary text-primary",
        )}
      >
        {done ? <Check className="size-3.5" /> : number}
      </span>
      <div className="grid min-w-0 gap-2">
        <h3 className={cn("pt-1 font-medium text-sm", disabled && "text-muted-foreground")}>
          {title}
          {done ? <span className="ml-2 font-normal text-muted-foreground">· {doneNote}</span> : null}
        </h3>
        {children}
      </div>
    </li>
  );
}
