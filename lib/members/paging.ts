import { memberships } from "@/db/schema";
import { keysetCursor, timestampKey } from "@/lib/pagination/cursor";

// How the members list pages: 50 at a time, by member-since to the microsecond, then the user id
// (every member added in one statement shares a timestamp). Apart from queries.ts (server-only) so
// that the benchmark, which runs outside Next, can build a page's URL.

export const membersPageSize = 50;

export const memberCursor = keysetCursor({ since: "timestamp", userId: "uuid" });

/** member-since as the cursor's exact text. */
export const sinceKey = timestampKey(memberships.createdAt);
