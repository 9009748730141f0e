/** What the owner's publish step shows. */
export type PublishState =
  | { kind: "unregistered" }
  | { kind: "no_rows" }
  /** The latest version already holds every accepted row. */
  | { kind: "nothing_new"; latest: number }
  | { kind: "ready"; next: number }
  /**
   * Version `number` was just published from this panel. `next` is what comes after it once the page's data includes it
   * ("waiting" until then): nothing new, or changes that arrived meanwhile and make a next version possible.
   */
  | { kind: "published"; number: number; next: "waiting" | "nothing_new" | "ready" };

export function publishState(input: {
  registered: boolean;
  acceptedRows: number;
  /** The number the next version gets: one past the latest confirmed version. */
  nextNumber: number;
  /** Rows a new version would add or drop compared with the latest confirmed one. */
  unpublishedChanges: number;
  /** The version this panel just published, if it did. */
  justPublished: number | null;
}): PublishState {
  if (!input.registered) return { kind: "unregistered" };
  const nothingNew = input.nextNumber > 1 && input.unpublishedChanges === 0;
  if (input.justPublished !== null) {
    // Until the versions refetch lists it, the data still describes the Datanet before this version.
    const fresh = input.nextNumber > input.justPublished;
    return {
      kind: "published",
      number: input.justPublished,
      next: !fresh ? "waiting" : nothingNew || input.acceptedRows === 0 ? "nothing_new" : "ready",
    };
  }
  if (input.acceptedRows === 0) return { kind: "no_rows" };
  if (nothingNew) return { kind: "nothing_new", latest: input.nextNumber - 1 };
  return { kind: "ready", next: input.nextNumber };
}
