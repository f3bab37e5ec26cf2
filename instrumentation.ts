// Runs once when a server instance starts: each instance also runs cluster jobs.
export async function register() {
  // Not in the edge runtime, and never while `next build` collects pages (it must not open the database).
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Links in emails are built from APP_URL alone: a production server without it refuses to start
  // rather than send its first invitation with a link it cannot know.
  if (process.env.NODE_ENV === "production" && !process.env.APP_URL) {
    const { missingAppUrlMessage } = await import("./lib/http/app-url-settings");
    console.error(`Org Console cannot start: ${missingAppUrlMessage}`);
    process.exit(1);
  }
  const { startClusterWorker } = await import("./lib/clusters/worker");
  startClusterWorker();
}
