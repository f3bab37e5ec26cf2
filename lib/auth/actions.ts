import { z } from "zod";
import { defineUserAction } from "@/lib/actions/define";
import { endOtherSessions } from "./user-sessions";

/** /account's "Sign out of all other sessions": every session of the user but the caller's own. */
export const signOutOtherSessions = defineUserAction({ schema: z.object({}) }, async (userId, _input, db, sessionId) => {
  const ended = await endOtherSessions(db, { userId, sessionId });
  return {
    ok: true,
    message: ended === 0 ? "No other session was open." : `Signed out of ${ended} other ${ended === 1 ? "session" : "sessions"}.`,
  };
});
