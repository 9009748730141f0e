import type { Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import { db as appDb, createDb, type Db } from "@/lib/db/client";
import { runConfigSchema } from "@/lib/factory/config";
import { seedPublishedVersion } from "@/lib/factory/fixtures/published-version";
import type { TrainQueue } from "@/lib/factory/jobs";
import { runEvents } from "@/lib/factory/run-events";
import { launchRun } from "@/lib/factory/runs";
import { recoverStaleRuns } from "@/lib/factory/worker/recovery";
import type { ErrorBody } from "@/lib/http/responses";
import { queue } from "@/lib/jobs/client";
import { POST as cancelRoute } from "./[id]/cancel/route";
import { POST as resumeRoute } from "./[id]/resume/route";
import { GET as getRoute } from "./[id]/route";
import { POST as launchRoute, GET as listRoute } from "./route";

// The routes read the session from the request's cookie: give them the token of a real session.
const cookie = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && cookie.token ? { name, value: cookie.token } : undefined),
  }),
}));

// anvil's accounts #7 (the model builder) and #8 (someone else).
const builder = privateKeyToAccount("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
const stranger = privateKeyToAccount("0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97");

let db: Db;
const tokens = { builder: "", stranger: "" };
const users = { builder: "", stranger: "" };
const dn = {} as Record<
  "text" | "labelled" | "oneLabel" | "manyLabels" | "instruction" | "draft" | "private",
  { id: string; name: string }
>;

type RunJson = {
  id: string;
  name: string;
  status: string;
  task: string;
  jobId: string;
  cancelRequested: boolean;
  progress: { step: number; totalSteps: number; epoch: number };
  checkpoint: { step: number } | null;
  config: { method: { rank: number; epochs: number }; data: { task: string; columns?: unknown } };
  lineage: { datanetId: string; version: number }[];
  metrics: { step: number; loss: number }[];
};

const as = (who: keyof typeof tokens | null) => {
  cookie.token = who ? tokens[who] : undefined;
};

async function launch(body: unknown) {
  const response = await launchRoute(
    new Request("http://localhost/api/training-runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as { run: RunJson } & ErrorBody };
}

async function action(kind: "cancel" | "resume" | "get", id: string) {
  const context = { params: Promise.resolve({ id }) };
  const url = `http://localhost/api/training-runs/${id}${kind === "get" ? "" : `/${kind}`}`;
  const response =
    kind === "get"
      ? await getRoute(new Request(url), context)
      : await (kind === "cancel" ? cancelRoute : resumeRoute)(new Request(url, { method: "POST" }), context);
  return { status: response.status, body: (await response.json()) as { run: RunJson } & ErrorBody };
}

async function jobOf(jobId: string) {
  const rows = await db.$queryRaw<{ name: string; state: string; data: { runId: string } }[]>`
    SELECT name, state::text AS state, data FROM pgboss.job WHERE id = ${jobId}::uuid`;
  return rows[0];
}

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL as string);
  for (const [who, account] of [
    ["builder", builder],
    ["stranger", stranger],
  ] as const) {
    const { token, session } = await createSession(db, {
      address: account.address as Address,
      chainId: 31337,
      ttlHours: 1,
    });
    tokens[who] = token;
    users[who] = session.userId;
  }
  const seed = (kind: "text" | "labelled" | "instruction", rows: Record<string, string>[], extra = {}) =>
    seedPublishedVersion(db, { ownerId: users.stranger, kind, rows, ...extra });
  const count = (n: number) => Array.from({ length: n }, (_, i) => i);
  dn.text = await seed(
    "text",
    count(300).map((i) => ({ text: `Sentence number ${i}.` })),
  );
  dn.labelled = await seed(
    "labelled",
    count(100).map((i) => ({ text: `Message ${i}`, label: i % 3 === 0 ? "spam" : "ham" })),
  );
  dn.oneLabel = await seed(
    "labelled",
    count(10).map((i) => ({ text: `Message ${i}`, label: "ham" })),
  );
  dn.manyLabels = await seed(
    "instruction",
    count(120).map((i) => ({ prompt: `Question ${i}`, completion: `Answer number ${i}` })),
  );
  dn.instruction = await seed(
    "instruction",
    count(40).map((i) => ({ prompt: `Is ${i} even?`, completion: i % 2 === 0 ? "yes" : "no" })),
  );
  dn.draft = await seed(
    "text",
    count(50).map((i) => ({ text: `Draft ${i}` })),
    { status: "draft" },
  );
  dn.private = await seed(
    "text",
    count(50).map((i) => ({ text: `Private ${i}` })),
    { visibility: "private" },
  );
});

afterAll(async () => {
  await (await queue()).stop({ graceful: false, wait: true });
  await appDb().$disconnect();
  await db?.$disconnect();
});

describe("POST /api/training-runs", () => {
  it("stores the run, its lineage and its queued job", async () => {
    as("builder");
    const { status, body } = await launch({
      preset: "quick",
      data: { versions: [{ datanetId: dn.text.id, version: 1 }] },
    });
    expect(status).toBe(201);
    const run = body.run;
    expect(run).toMatchObject({
      status: "queued",
      task: "causal_lm",
      name: `mf-prose-byte on ${dn.text.name} v1`,
      cancelRequested: false,
      progress: { step: 0, totalSteps: Math.ceil(270 / 8), epoch: 0 },
      config: { method: { rank: 8 }, data: { task: "causal_lm" } },
      lineage: [{ datanetId: dn.text.id, version: 1 }],
      metrics: [],
    });
    expect(await jobOf(run.jobId)).toEqual({ name: "train", state: "created", data: { runId: run.id } });

    // The same run reads back, and lists first among the builder's runs.
    const got = await action("get", run.id);
    expect(got.status).toBe(200);
    expect(got.body.run.config).toEqual(run.config);
    const list = (await (await listRoute()).json()) as { runs: RunJson[] };
    expect(list.runs[0]?.id).toBe(run.id);
  });

  it("stores no run when sending the job fails, even after the job row was written", async () => {
    const before = await db.trainingRun.count();
    const real = await queue();
    let sentId: string | null = null;
    const failing: TrainQueue = {
      send: (async (...args: unknown[]) => {
        sentId = await (real.send as (...a: unknown[]) => Promise<string | null>)(...args);
        throw new Error("the queue fell over");
      }) as unknown as TrainQueue["send"],
      cancel: real.cancel.bind(real),
    };
    const config = runConfigSchema.parse({ data: { versions: [{ datanetId: dn.text.id, version: 1 }] } });
    await expect(launchRun({ db, queue: failing }, users.builder, config)).rejects.toThrow("the queue fell over");
    expect(sentId).not.toBeNull();
    expect(await db.trainingRun.count()).toBe(before);
    expect(await jobOf(sentId as unknown as string)).toBeUndefined();
  });

  it("stores no run when the queue refuses the job", async () => {
    const before = await db.trainingRun.count();
    const refusing: TrainQueue = { send: (async () => null) as TrainQueue["send"], cancel: async () => {} };
    const config = runConfigSchema.parse({ data: { versions: [{ datanetId: dn.text.id, version: 1 }] } });
    await expect(launchRun({ db, queue: refusing }, users.builder, config)).rejects.toThrow(/refused/);
    expect(await db.trainingRun.count()).toBe(before);
  });

  it.each([
    ["rank 0", { method: { rank: 0 } }, "method.rank"],
    ["learning rate 10", { method: { learningRate: 10 } }, "method.learningRate"],
    ["a context length above the base's", { method: { contextLength: 1024 } }, "method.contextLength"],
    ["an unknown base model", { baseModel: "nope" }, "baseModel"],
  ])("answers 422 naming the field for %s", async (_case, patch, path) => {
    as("builder");
    const before = await db.trainingRun.count();
    const { status, body } = await launch({ data: { versions: [{ datanetId: dn.text.id, version: 1 }] }, ...patch });
    expect(status).toBe(422);
    expect(body.error.issues?.map((issue) => issue.path)).toContain(path);
    expect(body.error.message).toContain(path);
    expect(await db.trainingRun.count()).toBe(before);
  });

  it.each([
    [
      "an unknown Datanet",
      () => ({ versions: [{ datanetId: "no-such-datanet", version: 1 }] }),
      "data.versions.0.datanetId",
    ],
    [
      "another user's private Datanet",
      () => ({ versions: [{ datanetId: dn.private.id, version: 1 }] }),
      "data.versions.0.datanetId",
    ],
    [
      "a version that does not exist",
      () => ({ versions: [{ datanetId: dn.text.id, version: 7 }] }),
      "data.versions.0.version",
    ],
    [
      "an unpublished (draft) version",
      () => ({
        versions: [
          { datanetId: dn.text.id, version: 1 },
          { datanetId: dn.draft.id, version: 1 },
        ],
      }),
      "data.versions.1.version",
    ],
    [
      "a Datanet kind the inferred task cannot train on",
      () => ({
        versions: [
          { datanetId: dn.labelled.id, version: 1 },
          { datanetId: dn.text.id, version: 1 },
        ],
      }),
      "data.versions.1.datanetId",
    ],
    [
      "a mapping naming a field the Datanet's rows lack",
      () => ({
        versions: [{ datanetId: dn.labelled.id, version: 1 }],
        task: "instruction",
        columns: { prompt: "prompt", completion: "label" },
      }),
      "data.columns",
    ],
    [
      "a mapping with a role the task does not read",
      () => ({ versions: [{ datanetId: dn.text.id, version: 1 }], columns: { text: ["text"], label: "label" } }),
      "data.columns.label",
    ],
    [
      "a mapping that leaves out a role the task needs",
      () => ({ versions: [{ datanetId: dn.labelled.id, version: 1 }], columns: { text: ["text"] } }),
      "data.columns.label",
    ],
    [
      "classification over more than 100 labels",
      () => ({ versions: [{ datanetId: dn.manyLabels.id, version: 1 }], task: "classification" }),
      "data.task",
    ],
    [
      "classification over a single label",
      () => ({ versions: [{ datanetId: dn.oneLabel.id, version: 1 }] }),
      "data.task",
    ],
    [
      "a task that does not fit the Datanet",
      () => ({ versions: [{ datanetId: dn.text.id, version: 1 }], task: "classification" }),
      "data.task",
    ],
  ])("answers 422 naming the field for %s", async (_case, data, path) => {
    as("builder");
    const before = await db.trainingRun.count();
    const { status, body } = await launch({ data: data() });
    expect(status).toBe(422);
    expect(body.error.code).toBe("invalid_run_config");
    expect(body.error.details).toMatchObject({ field: path });
    expect(body.error.message).toContain(path);
    expect(await db.trainingRun.count()).toBe(before);
  });

  it("trains other tasks through a column mapping, and stores the mapping with the run", async () => {
    as("builder");
    const asLm = await launch({
      data: {
        versions: [{ datanetId: dn.labelled.id, version: 1 }],
        task: "causal_lm",
        columns: { text: ["text", "label"] },
      },
    });
    expect(asLm.status).toBe(201);
    expect(asLm.body.run.config.data).toMatchObject({ task: "causal_lm", columns: { text: ["text", "label"] } });
    // An instruction Datanet's completions as labels (the default mapping for classification): yes / no.
    const asLabels = await launch({
      data: { versions: [{ datanetId: dn.instruction.id, version: 1 }], task: "classification" },
    });
    expect(asLabels.status).toBe(201);
    expect(asLabels.body.run.task).toBe("classification");
  });

  it("infers classification from a labelled Datanet", async () => {
    as("builder");
    const { status, body } = await launch({
      preset: "quick",
      data: { versions: [{ datanetId: dn.labelled.id, version: 1 }] },
    });
    expect(status).toBe(201);
    expect(body.run.task).toBe("classification");
    // The preset takes a classifier's values (more passes) for the inferred task.
    expect(body.run.config.method).toMatchObject({ epochs: 3 });
  });

  it("needs a session", async () => {
    as(null);
    const { status, body } = await launch({ data: { versions: [{ datanetId: dn.text.id, version: 1 }] } });
    expect(status).toBe(401);
    expect(body.error.code).toBe("not_signed_in");
    expect((await listRoute()).status).toBe(401);
  });
});

describe("cancel and resume", () => {
  async function queuedRun(): Promise<RunJson> {
    as("builder");
    const { status, body } = await launch({ data: { versions: [{ datanetId: dn.text.id, version: 1 }] } });
    expect(status).toBe(201);
    return body.run;
  }

  it("cancels a queued run at once with its job, then resumes it with a new job", async () => {
    const run = await queuedRun();
    const cancelled = await action("cancel", run.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.run.status).toBe("cancelled");
    expect((await jobOf(run.jobId))?.state).toBe("cancelled");

    const again = await action("cancel", run.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("run_finished");

    const resumed = await action("resume", run.id);
    expect(resumed.status).toBe(200);
    expect(resumed.body.run.status).toBe("queued");
    expect(resumed.body.run.jobId).not.toBe(run.jobId);
    expect(await jobOf(resumed.body.run.jobId)).toEqual({ name: "train", state: "created", data: { runId: run.id } });

    const twice = await action("resume", run.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("run_not_resumable");
  });

  it("sends a queued run's job again when it ended without training it, and says so in the run's log", async () => {
    const run = await queuedRun();
    await db.$executeRaw`UPDATE pgboss.job SET state = 'failed' WHERE id = ${run.jobId}::uuid`;
    // Fresh orphans are left alone for a minute (a worker may be about to claim them).
    expect((await recoverStaleRuns(db, await queue(), 15)).map((r) => r.runId)).not.toContain(run.id);
    await db.$executeRaw`UPDATE training_runs SET updated_at = now() - interval '2 minutes' WHERE id = ${run.id}`;
    const recovered = await recoverStaleRuns(db, await queue(), 15);
    const mine = recovered.find((r) => r.runId === run.id);
    expect(mine?.action).toBe("requeued");
    const after = await action("get", run.id);
    expect(after.body.run.status).toBe("queued");
    expect(after.body.run.jobId).toBe(mine?.jobId);
    expect(await jobOf(mine?.jobId as string)).toEqual({ name: "train", state: "created", data: { runId: run.id } });
    expect((await runEvents(db, run.id)).map((line) => line.message)).toContain(
      "Its queued job had ended without training it: sent again.",
    );
  });

  it("says whether a run its trainer abandoned resumes from a checkpoint or starts over", async () => {
    const fresh = await queuedRun();
    const saved = await queuedRun();
    const stale = new Date(Date.now() - 60_000);
    await db.trainingRun.update({ where: { id: fresh.id }, data: { status: "running", step: 4, heartbeatAt: stale } });
    await db.trainingRun.update({
      where: { id: saved.id },
      data: {
        status: "running",
        step: 12,
        checkpointStep: 10,
        checkpointPath: "/x/checkpoint.safetensors",
        heartbeatAt: stale,
      },
    });
    const recovered = await recoverStaleRuns(db, await queue(), 15);
    expect(recovered.filter((r) => [fresh.id, saved.id].includes(r.runId)).map((r) => r.action)).toEqual([
      "requeued",
      "requeued",
    ]);
    const last = async (id: string) => (await runEvents(db, id)).at(-1)?.message;
    expect(await last(fresh.id)).toMatch(/queued again, to start over \(no checkpoint had been saved yet\)/);
    expect(await last(saved.id)).toMatch(/queued again, to resume from the checkpoint at step 10/);
  });

  it("asks a running run to stop; the worker finishes the cancel", async () => {
    const run = await queuedRun();
    await db.trainingRun.update({ where: { id: run.id }, data: { status: "running", step: 3, startedAt: new Date() } });
    const cancelled = await action("cancel", run.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.run).toMatchObject({ status: "running", cancelRequested: true });
    expect((await action("cancel", run.id)).status).toBe(200);
    expect((await action("resume", run.id)).status).toBe(409);
  });

  it("resumes a failed run keeping its step and checkpoint; a succeeded run is final", async () => {
    const run = await queuedRun();
    await db.trainingRun.update({
      where: { id: run.id },
      data: { status: "failed", step: 10, checkpointStep: 10, checkpointAt: new Date(), error: "out of memory" },
    });
    await db.trainingMetric.create({ data: { runId: run.id, step: 10, epoch: 0.3, loss: 2.5, tokensPerSecond: 900 } });
    const resumed = await action("resume", run.id);
    expect(resumed.status).toBe(200);
    expect(resumed.body.run).toMatchObject({ status: "queued", progress: { step: 10 }, checkpoint: { step: 10 } });
    expect(resumed.body.run.metrics).toEqual([expect.objectContaining({ step: 10, loss: 2.5 })]);

    await db.trainingRun.update({ where: { id: run.id }, data: { status: "succeeded" } });
    expect((await action("cancel", run.id)).status).toBe(409);
    expect((await action("resume", run.id)).status).toBe(409);
  });

  it("hides a run from anyone but its owner", async () => {
    const run = await queuedRun();
    as("stranger");
    for (const kind of ["get", "cancel", "resume"] as const) {
      const { status, body } = await action(kind, run.id);
      expect(status).toBe(404);
      expect(body.error.code).toBe("training_run_not_found");
    }
    const list = (await (await listRoute()).json()) as { runs: RunJson[] };
    expect(list.runs.map((r) => r.id)).not.toContain(run.id);
    expect((await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("queued");
  });
});
