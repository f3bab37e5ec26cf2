import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// First Load JS per route, from the build's own diagnostics. Next 16 no longer prints it; it
// writes `.next/diagnostics/route-bundle-stats.json`: one entry per route with the raw size and
// the chunk files (paths relative to the project root). The gzip size is computed here, chunk by
// chunk (what a browser downloads compressed), with zlib's default level.

export const firstLoadJsTargetGzipBytes = 150_000;

export type RouteBundle = {
  route: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
};

type RouteBundleStat = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export function bundleStatsFile(root = process.cwd()): string {
  return path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
}

/** Every route's First Load JS, largest first; throws when there is no build to read. */
export function readRouteBundles(root = process.cwd()): RouteBundle[] {
  const file = bundleStatsFile(root);
  if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run \`npx next build\` first`);
  const stats = JSON.parse(readFileSync(file, "utf8")) as RouteBundleStat[];
  // Routes share most chunks: compress each file once.
  const gzipped = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(root, chunk))).byteLength;
      gzipped.set(chunk, size);
    }
    return size;
  };
  return stats
    .map((stat) => ({
      route: stat.route,
      chunks: stat.firstLoadChunkPaths.length,
      rawBytes: stat.firstLoadUncompressedJsBytes,
      gzipBytes: stat.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSize(chunk), 0),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The markdown table, one row per route, over-target routes marked. */
export function bundleTable(bundles: RouteBundle[]): string {
  const rows = ["| route | First Load JS gzip | raw | chunks | target |", "| --- | ---: | ---: | ---: | --- |"];
  for (const bundle of bundles) {
    const over = bundle.gzipBytes > firstLoadJsTargetGzipBytes;
    rows.push(`| \`${bundle.route}\` | ${kB(bundle.gzipBytes)} | ${kB(bundle.rawBytes)} | ${bundle.chunks} | ${over ? "⚠ over" : "ok"} |`);
  }
  return rows.join("\n");
}

/** One line for all the routes over the target (the table lists each), or none. */
export function bundleWarnings(bundles: RouteBundle[]): string[] {
  const over = bundles.filter((bundle) => bundle.gzipBytes > firstLoadJsTargetGzipBytes);
  if (over.length === 0) return [];
  const worst = over.slice(0, 3).map((bundle) => `${bundle.route} ${kB(bundle.gzipBytes)}`);
  return [
    `${over.length} of ${bundles.length} routes ship more than ${kB(firstLoadJsTargetGzipBytes)} of First Load JS gzip (largest: ${worst.join(", ")}; smallest over: ${kB(over[over.length - 1].gzipBytes)}).`,
  ];
}
