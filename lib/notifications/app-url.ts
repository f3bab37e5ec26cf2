import { env } from "@/lib/env";
import { resolveAppUrl } from "@/lib/http/app-url-settings";

/** APP_URL for links in notices (the runner has no request; headers are never used for links). */
export function noticeAppUrl(): string {
  return resolveAppUrl({ ...env, PORT: process.env.PORT });
}
