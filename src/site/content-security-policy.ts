/**
 * The Content-Security-Policy every page carries as `<meta http-equiv>`, so
 * it holds on any static host. Pagefind compiles its search index reader from
 * WebAssembly, which needs `'wasm-unsafe-eval'`; nothing else is relaxed, so
 * no inline script, inline style or third-party resource can run.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
