import { describe, expect, it } from "vitest";
import { publishState } from "./publish-state";

const base = { registered: true, acceptedRows: 3, nextNumber: 1, unpublishedChanges: 3, justPublished: null };

describe("publishState", () => {
  it("asks to register first, then for accepted rows", () => {
    expect(publishState({ ...base, registered: false })).toEqual({ kind: "unregistered" });
    expect(publishState({ ...base, acceptedRows: 0, unpublishedChanges: 0 })).toEqual({ kind: "no_rows" });
  });

  it("offers the next version while accepted rows differ from the latest version", () => {
    expect(publishState(base)).toEqual({ kind: "ready", next: 1 });
    expect(publishState({ ...base, nextNumber: 2, unpublishedChanges: 1 })).toEqual({ kind: "ready", next: 2 });
  });

  it("says nothing is new when the latest version holds every accepted row", () => {
    expect(publishState({ ...base, nextNumber: 2, unpublishedChanges: 0 })).toEqual({ kind: "nothing_new", latest: 1 });
  });

  it("right after a publish: no next version while the data still predates it, then nothing new", () => {
    // The confirm answered; the versions refetch has not landed: the old counts must not offer version 2.
    expect(publishState({ ...base, justPublished: 1 })).toEqual({ kind: "published", number: 1, next: "waiting" });
    // The refetch lists version 1 and nothing changed since.
    expect(publishState({ ...base, nextNumber: 2, unpublishedChanges: 0, justPublished: 1 })).toEqual({
      kind: "published",
      number: 1,
      next: "nothing_new",
    });
  });

  it("right after a publish, offers another version only when rows changed meanwhile", () => {
    expect(publishState({ ...base, nextNumber: 2, unpublishedChanges: 2, justPublished: 1 })).toEqual({
      kind: "published",
      number: 1,
      next: "ready",
    });
  });
});
