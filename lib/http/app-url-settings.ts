type AppUrlSettings = { NODE_ENV: string; APP_URL?: string; PORT?: string };

export const missingAppUrlMessage =
  "APP_URL must be set in production: the console's public address (e.g. https://console.example.com), " +
  "which links in emails are built from. Request headers (Host, X-Forwarded-Host) are never used for them.";

/**
 * The console's public address from its settings alone: APP_URL; outside production
 * http://localhost:<PORT or 3000>. Never the request's Host or X-Forwarded-Host, which whoever
 * sends the request chooses, so an invitation link can never point at an attacker's host.
 */
export function resolveAppUrl(settings: AppUrlSettings): string {
  if (settings.APP_URL) return settings.APP_URL.replace(/\/+$/, "");
  if (settings.NODE_ENV === "production") throw new Error(missingAppUrlMessage);
  return `http://localhost:${settings.PORT || 3000}`;
}
