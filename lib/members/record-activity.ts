import "server-only";
import { after } from "next/server";
import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { activityIsStale, recordActivity } from "@/lib/members/last-active";

/**
 * Records the caller's "last active" after the response, when the membership read with the page's
 * org + membership statement says it is unrecorded or over an hour old: a page view within the
 * hour costs no statement at all, and none ever waits for this one. Page loads and the API's org
 * routes call it; actions do not (their doors and transactions leave memberships as they were).
 */
export function recordActivityAfterResponse(ctx: OrgContext): void {
  if (!activityIsStale(ctx.lastActiveAt)) return;
  const write = async () => {
    try {
      await recordActivity(await getDb(), ctx.org.id, ctx.actor.id);
    } catch (error) {
      // A lost "last active" is not worth failing anything for; the next page view tries again.
      console.error("recording last active failed", error);
    }
  };
  try {
    after(write);
  } catch {
    // Outside a request (scripts, tests calling a loader directly) there is no response to wait
    // for and no visit to record.
  }
}
