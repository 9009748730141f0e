/*
 * mf_native: optional native kernels for lib/ml's wasm backend, an N-API addon over OpenBLAS.
 * Every function works in place on Float32Arrays — in practice views of the wasm heap — so tfjs
 * tensors are read and written without copies. Built by scripts/native/build.mjs when OpenBLAS is
 * present; the engine runs without it.
 */
#include <node_api.h>
#include <stddef.h>
#include <stdint.h>

/* OpenBLAS's CBLAS entry points, declared here so no -dev package (cblas.h) is needed to build. */
enum CBLAS_ORDER { CblasRowMajor = 101 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112 };
extern void cblas_sgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE ta, enum CBLAS_TRANSPOSE tb, int m, int n,
                        int k, float alpha, const float *a, int lda, const float *b, int ldb, float beta, float *c,
                        int ldc);
extern void openblas_set_num_threads(int threads);
extern int openblas_get_num_threads(void);
extern char *openblas_get_config(void);

#define MAX_ARGS 12

/* Reads argument i as a Float32Array; on failure throws a TypeError naming it and returns NULL. */
static float *float_array(napi_env env, napi_value value, const char *name, size_t *length) {
  napi_typedarray_type type;
  void *data;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, length, &data, &buffer, &offset) != napi_ok ||
      type != napi_float32_array) {
    napi_throw_type_error(env, NULL, name);
    return NULL;
  }
  return (float *)data; /* already offset to the view's first element */
}

static int64_t integer(napi_env env, napi_value value) {
  int64_t result = 0;
  napi_get_value_int64(env, value, &result);
  return result;
}

/*
 * sgemm(transA, transB, batch, m, n, k, a, strideA, b, strideB, c, beta): for each of `batch` items,
 * c[i] = op(a[i]) @ op(b[i]) + beta * c[i], row-major. Strides are in elements; a stride of 0 reuses
 * one matrix for the whole batch (broadcasting).
 */
static napi_value Sgemm(napi_env env, napi_callback_info info) {
  size_t argc = MAX_ARGS;
  napi_value argv[MAX_ARGS];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 12) {
    napi_throw_error(env, NULL, "sgemm expects 12 arguments");
    return NULL;
  }
  const int trans_a = integer(env, argv[0]) != 0, trans_b = integer(env, argv[1]) != 0;
  const int64_t batch = integer(env, argv[2]), m = integer(env, argv[3]), n = integer(env, argv[4]),
                k = integer(env, argv[5]), stride_a = integer(env, argv[7]), stride_b = integer(env, argv[9]);
  const float beta = (float)integer(env, argv[11]);
  size_t len_a, len_b, len_c;
  const float *a = float_array(env, argv[6], "sgemm: a must be a Float32Array", &len_a);
  if (a == NULL) return NULL;
  const float *b = float_array(env, argv[8], "sgemm: b must be a Float32Array", &len_b);
  if (b == NULL) return NULL;
  float *c = float_array(env, argv[10], "sgemm: c must be a Float32Array", &len_c);
  if (c == NULL) return NULL;
  if (batch < 0 || m < 0 || n < 0 || k < 0 || stride_a < 0 || stride_b < 0) {
    napi_throw_range_error(env, NULL, "sgemm: negative size");
    return NULL;
  }
  /* Bounds: the last item of each operand must lie inside its view. */
  if (batch > 0 && ((size_t)((batch - 1) * stride_a + m * k) > len_a || (size_t)((batch - 1) * stride_b + k * n) > len_b ||
                    (size_t)(batch * m * n) > len_c)) {
    napi_throw_range_error(env, NULL, "sgemm: an operand is smaller than its shape");
    return NULL;
  }
  const int lda = trans_a ? (int)m : (int)k, ldb = trans_b ? (int)k : (int)n;
  for (int64_t i = 0; i < batch; i++) {
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans, (int)m,
                (int)n, (int)k, 1.0f, a + i * stride_a, lda, b + i * stride_b, ldb, beta, c + i * m * n, (int)n);
  }
  return NULL;
}

/* setThreads(n): OpenBLAS's thread count; returns the count now in effect. */
static napi_value SetThreads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= 1) openblas_set_num_threads((int)integer(env, argv[0]));
  napi_value result;
  napi_create_int32(env, openblas_get_num_threads(), &result);
  return result;
}

/* blasConfig(): OpenBLAS's build description (version, target core), for reports. */
static napi_value BlasConfig(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
  napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &result);
  return result;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
      {"sgemm", NULL, Sgemm, NULL, NULL, NULL, napi_default, NULL},
      {"setThreads", NULL, SetThreads, NULL, NULL, NULL, napi_default, NULL},
      {"blasConfig", NULL, BlasConfig, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof(properties) / sizeof(properties[0]), properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
