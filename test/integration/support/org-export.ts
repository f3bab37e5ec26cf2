import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, type User } from "@/db/schema";
import { GET as exportOrganization } from "@/app/(console)/orgs/[slug]/settings/export/route";
import { organizationExportSchema } from "@/lib/export/schema";
import { dbHolder } from "./audit-log";
import { session } from "./fake-session";
import { testAppUrl } from "./member-actions";
import type { TestDatabase } from "./test-database";

// The organization export's route as a request runs it, as whoever `session` says. The test file
// must mock "@/lib/auth" with ./fake-session before importing this module.

export function useExportDoor(t: TestDatabase) {
  beforeAll(() => {
    dbHolder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
  });
  beforeEach(() => {
    // Invitations print their email without SMTP_URL: keep the test output quiet.
    vi.spyOn(console, "log").mockImplementation(() => {});
    return () => vi.restoreAllMocks();
  });
  return {
    exportAs(user: Pick<User, "id"> | null, slug: string) {
      session.userId = user?.id ?? null;
      return exportOrganization(new Request(`${testAppUrl}/orgs/${slug}/settings/export`), { params: Promise.resolve({ slug }) });
    },
  };
}

/** The body, read chunk by chunk as a browser would, with what the chunks looked like. */
export async function readChunks(response: Response): Promise<{ text: string; chunks: number; largestChunk: number }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  let largestChunk = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    largestChunk = Math.max(largestChunk, value.byteLength);
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), chunks, largestChunk };
}

/** Parsed and validated against the schema in code: throws on any key the schema does not name. */
export function parseExport(text: string) {
  return organizationExportSchema.parse(JSON.parse(text));
}

export async function exportEvents(db: Db, orgId: string) {
  return db
    .select({ actorId: auditEvents.actorId, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "org.export")))
    .orderBy(sql`${auditEvents.id}`);
}
