// Runs once when a server instance starts: each instance also runs cluster jobs.
export async function register() {
  // Not in the edge runtime, and never while `next build` collects pages (it must not open the database).
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseToStartWithoutAppUrl } = await import("./lib/http/app-url-startup");
  refuseToStartWithoutAppUrl();
  const { startClusterWorker } = await import("./lib/clusters/worker");
  startClusterWorker();
  const { startNoticeWorker } = await import("./lib/notifications/worker");
  startNoticeWorker();
}
