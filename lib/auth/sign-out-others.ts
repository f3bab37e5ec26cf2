import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { HandlerResult, UserActionDefinition } from "@/lib/actions/run-action";
import { endOtherSessions } from "./user-sessions";

// /account's "Sign out of all other sessions", declared here so the tests run what the page runs.

export const signOutOtherSessionsDefinition = { schema: z.object({}) } satisfies UserActionDefinition<z.ZodObject>;

/** Ends every session of the user but `keep`, the cookie's own. */
export async function handleSignOutOtherSessions(userId: string, db: Db, keep: string | null): Promise<HandlerResult> {
  const ended = await endOtherSessions(db, { userId, sessionId: keep });
  return {
    ok: true,
    message: ended === 0 ? "No other session was open." : `Signed out of ${ended} other ${ended === 1 ? "session" : "sessions"}.`,
  };
}
