import { memberships } from "@/db/schema";
import { keysetCursor, timestampKey } from "@/lib/pagination/cursor";

// The members list's page boundary: member-since to the microsecond, then the user id (every
// member added in one statement shares a timestamp). Apart from queries.ts so that the benchmark,
// which runs outside Next, can build one.
export const memberCursor = keysetCursor({ since: "timestamp", userId: "uuid" });

/** member-since as the cursor's exact text. */
export const sinceKey = timestampKey(memberships.createdAt);
