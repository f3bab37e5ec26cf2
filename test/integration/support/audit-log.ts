import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Organization, User } from "@/db/schema";
import { GET as exportCsv } from "@/app/(console)/orgs/[slug]/settings/audit-log/export/route";
import { parseAuditFilters } from "@/lib/audit/filters";
import { loadAuditLogPage } from "@/lib/pages/audit-log-page";
import { session } from "./fake-session";
import { testAppUrl } from "./member-actions";
import type { TestDatabase } from "./test-database";

// The audit log's page loader and CSV route as a request runs them, as whoever `session` says.
// The test file must mock "@/lib/auth" with ./fake-session before importing this module.

type Holder = { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
export const dbHolder = globalThis as Holder;

export function useAuditLogDoors(t: TestDatabase) {
  beforeAll(() => {
    // The app's one database handle (getDb) is the test file's database.
    dbHolder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
  });
  beforeEach(() => {
    // Invitations print their email without SMTP_URL: keep the test output quiet.
    vi.spyOn(console, "log").mockImplementation(() => {});
    return () => vi.restoreAllMocks();
  });

  const as = (user: Pick<User, "id"> | null) => (session.userId = user?.id ?? null);
  return {
    loadAs(user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, params: Record<string, string> = {}) {
      as(user);
      return loadAuditLogPage(org.slug, params);
    },
    exportAs(user: Pick<User, "id"> | null, slug: string, query = "") {
      as(user);
      return exportCsv(new Request(`${testAppUrl}/orgs/${slug}/settings/audit-log/export${query}`), { params: Promise.resolve({ slug }) });
    },
    /** `count` events written in one statement (they share created_at to the microsecond), by `actor`. */
    async insertEvents(org: Organization, actor: User, count: number, fields: { action?: string; createdAt?: string } = {}) {
      await t.db.execute(sql`
        insert into audit_events (org_id, actor_id, actor_label, action, target_type, target_label, origin, created_at)
        select ${org.id}::uuid, ${actor.id}::uuid, ${`${actor.name} <${actor.email}>`}, ${fields.action ?? "cluster.kubeconfig.download"}, 'cluster', 'c-' || n, 'ui',
          coalesce(${fields.createdAt ?? null}::timestamptz, now())
        from generate_series(1, ${count}::int) as n`);
    },
  };
}

export const filtersOf = (params: Record<string, string> = {}) => parseAuditFilters(params).filters;

/** The query of a page link, as the next request's searchParams. */
export const searchOf = (link: string | null) => Object.fromEntries(new URL(link!, testAppUrl).searchParams);
