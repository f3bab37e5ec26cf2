import { missingAppUrlMessage } from "./app-url-settings";

/**
 * Links in emails are built from APP_URL alone: a production server without it refuses to start
 * (instrumentation.ts, at startup) rather than send its first invitation with a link it cannot know.
 */
export function refuseToStartWithoutAppUrl(): void {
  if (process.env.NODE_ENV !== "production" || process.env.APP_URL) return;
  console.error(`Org Console cannot start: ${missingAppUrlMessage}`);
  process.exit(1);
}
