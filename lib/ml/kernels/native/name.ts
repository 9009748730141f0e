/** Name under which the native kernels are reported (BackendInfo.accelerators). */
export const NATIVE_ACCELERATOR = "native-openblas";
