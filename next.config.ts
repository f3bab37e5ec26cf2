import type { NextConfig } from "next";
import { formBodyLimitBytes } from "./lib/http/form-body-limit";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // `npm test` typechecks the whole tree (tests included) with `tsc --noEmit` before it builds, so
  // its build skips Next's second, slower pass over the same files. Any other build checks types.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  // Next's own default, stated: proxy.ts and the browser-side check read the same number.
  experimental: { serverActions: { bodySizeLimit: formBodyLimitBytes } },
  // On every response, static files and redirects included. Pages replace the Content-Security-
  // Policy with one carrying a per-request script nonce (proxy.ts); HSTS depends on how the server
  // is reached, so the proxy adds it too.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "development") }];
  },
};

export default nextConfig;
