import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it } from "vitest";
import { backendCandidates, initBackend, parseBackendChoice } from "./init";
import { installedTensorflowPackages } from "./tensorflow";

const tensorflowInstalled = installedTensorflowPackages().length > 0;

describe("backend choice", () => {
  it("reads ML_BACKEND values, empty meaning auto", () => {
    expect(parseBackendChoice(undefined)).toBe("auto");
    expect(parseBackendChoice("")).toBe("auto");
    expect(parseBackendChoice("wasm")).toBe("wasm");
    expect(() => parseBackendChoice("webgpu")).toThrow(
      /unknown ML backend "webgpu": use one of auto, tensorflow, wasm, cpu/,
    );
  });

  it("tries tensorflow first under auto only when it is installed", () => {
    expect(backendCandidates("auto", true)).toEqual(["tensorflow", "wasm", "cpu"]);
    expect(backendCandidates("auto", false)).toEqual(["wasm", "cpu"]);
    expect(backendCandidates("cpu", true)).toEqual(["cpu"]);
  });
});

describe("initBackend", () => {
  const saved = process.env.ML_BACKEND;
  afterEach(() => {
    if (saved === undefined) delete process.env.ML_BACKEND;
    else process.env.ML_BACKEND = saved;
  });

  it("defaults to wasm with SIMD and its accelerators when tfjs-node is absent", async () => {
    delete process.env.ML_BACKEND;
    const info = await initBackend();
    expect(info.name).toBe(tensorflowInstalled ? "tensorflow" : "wasm");
    if (!tensorflowInstalled) {
      expect(info).toMatchObject({ simd: true, threads: 1 });
      expect(info.accelerators).toContain("wasm-heap-views");
      // The native kernels are either installed or reported as skipped, with the reason.
      const native = info.accelerators.includes("native-openblas")
        ? undefined
        : info.skippedAccelerators?.find((s) => s.name === "native-openblas");
      expect(info.accelerators.includes("native-openblas") || native?.reason !== undefined).toBe(true);
      expect(tf.getBackend()).toBe("wasm");
    }
  });

  it("honours ML_BACKEND, and an explicit option over it", async () => {
    process.env.ML_BACKEND = "cpu";
    expect((await initBackend()).name).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    expect((await initBackend({ backend: "wasm" })).name).toBe("wasm");
  });

  it.skipIf(tensorflowInstalled)("says how to install the tensorflow backend when asked for it", async () => {
    await expect(initBackend({ backend: "tensorflow" })).rejects.toThrow(/npm i @tensorflow\/tfjs-node-gpu/);
    expect(tf.getBackend()).toBe("wasm");
  });

  it("can run without accelerators", async () => {
    const info = await initBackend({ backend: "wasm", accelerators: [] });
    // Overrides installed earlier in this process stay; none is added.
    expect(info.name).toBe("wasm");
  });
});
