import { bundleTable, bundleWarnings, firstLoadJsTargetGzipBytes, readRouteBundles } from "./lib/bundle-stats";

// `npm run bench:js`: First Load JS per route of the existing `.next` build (run `npx next build`
// first), without the rest of the bench. Exits 0 even over target: it reports, it does not gate.

try {
  const bundles = readRouteBundles();
  console.log(`First Load JS per route (gzip; target ≤ ${firstLoadJsTargetGzipBytes / 1000} kB)\n`);
  console.log(bundleTable(bundles));
  const warnings = bundleWarnings(bundles);
  console.log(warnings.length ? `\n${warnings.map((w) => `⚠ ${w}`).join("\n")}` : "\nEvery route is within the target.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
