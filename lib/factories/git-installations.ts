import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type GitInstallation, gitInstallations, gitRepositories, type Organization } from "@/db/schema";

// GitHub App installations and their repositories as rows, for tests, the bench and the demo: as
// the setup callback and the webhooks would have left them, without GitHub. To exercise the
// install itself, go through lib/git/install.ts against the local fake GitHub.

let nextInstallationId = Date.now() % 1_000_000_000;

export async function makeInstallation(
  db: Queryable,
  org: Pick<Organization, "id">,
  fields: Partial<Omit<typeof gitInstallations.$inferInsert, "orgId">> = {},
): Promise<GitInstallation> {
  const [row] = await db
    .insert(gitInstallations)
    .values({
      installationId: ++nextInstallationId,
      accountLogin: "acme",
      accountType: "Organization",
      repositorySelection: "selected",
      repositoriesSyncedAt: new Date(),
      ...fields,
      orgId: org.id,
    })
    .returning();
  return row;
}

/** The given repositories ("owner/name") granted to the installation, one statement. */
export async function grantRepositories(db: Queryable, installation: Pick<GitInstallation, "id" | "orgId">, fullNames: string[]): Promise<void> {
  if (fullNames.length === 0) return;
  await db.insert(gitRepositories).values(
    fullNames.map((fullName) => ({ orgId: installation.orgId, installationRowId: installation.id, githubId: ++nextInstallationId, fullName })),
  );
}

/** `count` repositories `<owner>/<prefix>-0001`… granted at once (INSERT … SELECT generate_series). */
export async function grantManyRepositories(
  db: Queryable,
  installation: Pick<GitInstallation, "id" | "orgId">,
  { owner, prefix, count }: { owner: string; prefix: string; count: number },
): Promise<void> {
  const base = (nextInstallationId += count + 1) - count;
  await db.execute(sql`
    insert into git_repositories (org_id, installation_row_id, github_id, full_name, private)
    select ${installation.orgId}::uuid, ${installation.id}::uuid, ${base}::bigint + n, ${owner}::text || '/' || ${prefix}::text || '-' || lpad(n::text, 4, '0'), n % 2 = 0
    from generate_series(1, ${count}::int) as n`);
}
