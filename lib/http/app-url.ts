import "server-only";
import { env } from "@/lib/env";
import { resolveAppUrl } from "./app-url-settings";

/** The console's public address for links in emails (async for its callers' sake; it reads no request). */
export async function appUrl(): Promise<string> {
  return resolveAppUrl({ ...env, PORT: process.env.PORT });
}
