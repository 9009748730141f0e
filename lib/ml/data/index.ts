/** Training data for lib/ml: offline corpora, train/validation splits, the instruction template, packing. */
export * from "./corpora";
export * from "./packing";
export * from "./split";
export * from "./template";
