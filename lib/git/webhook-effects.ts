import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { type GitInstallation, gitInstallations, gitRepositories } from "@/db/schema";
import { recordWebhookAudit } from "./audit";
import { applicationLabels, applicationsUsingInstallation, applicationsUsingRepositories, insertRepositories } from "./store";

// What GitHub's installation deliveries do to an installation, applied as state: each effect
// compares the state the payload describes with the stored one and writes (and audits) only a real
// change. A captured signed body sent again under a new X-GitHub-Delivery id therefore changes
// nothing and records no second audit event. Returns whether anything changed.

export const repository = z.object({ id: z.number().int(), full_name: z.string().min(3).max(300), private: z.boolean().default(false) });
const installation = z.object({
  id: z.number().int().positive(),
  account: z.object({ login: z.string().max(100).optional(), slug: z.string().max(100).optional(), type: z.string().optional(), avatar_url: z.string().nullish() }).nullish(),
  repository_selection: z.enum(["all", "selected"]).optional(),
  suspended_at: z.string().nullish(),
});
const sender = z.object({ login: z.string().max(100) }).nullish();

export const installationEvent = z.object({
  action: z.string(),
  installation,
  repositories: z.array(repository).optional(),
  sender,
});
export const installationRepositoriesEvent = z.object({
  action: z.string(),
  installation,
  repository_selection: z.enum(["all", "selected"]).optional(),
  repositories_added: z.array(repository).default([]),
  repositories_removed: z.array(repository.partial({ full_name: true, private: true })).default([]),
  sender,
});

/** Applies the effect under the installation row's lock; true when something changed. */
export type Apply = (tx: Tx, row: GitInstallation) => Promise<boolean>;

type InstallationEvent = z.output<typeof installationEvent>;
type RepositoriesEvent = z.output<typeof installationRepositoriesEvent>;
type Repository = { githubId: number; fullName: string; private: boolean };

const asRepository = (repo: z.output<typeof repository>): Repository => ({ githubId: repo.id, fullName: repo.full_name, private: repo.private });
const timeOf = (date: Date | null) => date?.getTime() ?? null;

async function storedRepositories(tx: Tx, row: GitInstallation): Promise<Repository[]> {
  return tx
    .select({ githubId: gitRepositories.githubId, fullName: gitRepositories.fullName, private: gitRepositories.private })
    .from(gitRepositories)
    .where(and(eq(gitRepositories.installationRowId, row.id), eq(gitRepositories.orgId, row.orgId)))
    .orderBy(asc(gitRepositories.githubId));
}

function sameRepositories(stored: Repository[], wanted: Repository[]): boolean {
  const key = (repo: Repository) => `${repo.githubId}\u0000${repo.fullName}\u0000${repo.private}`;
  const have = new Set(stored.map(key));
  const want = new Set(wanted.map(key));
  return have.size === want.size && [...want].every((entry) => have.has(entry));
}

export const installationActions: Record<string, (event: InstallationEvent) => Apply> = {
  // Installed again for an installation an organization already has: GitHub's word replaces ours.
  created: (event) => async (tx, row) => {
    const account = event.installation.account;
    const wanted = {
      accountLogin: account?.login ?? account?.slug ?? row.accountLogin,
      accountAvatarUrl: account?.avatar_url ?? row.accountAvatarUrl,
      repositorySelection: event.installation.repository_selection ?? row.repositorySelection,
      suspendedAt: event.installation.suspended_at ? new Date(event.installation.suspended_at) : null,
      deletedOnGithubAt: null,
    };
    const rowChanged =
      wanted.accountLogin !== row.accountLogin ||
      wanted.accountAvatarUrl !== row.accountAvatarUrl ||
      wanted.repositorySelection !== row.repositorySelection ||
      timeOf(wanted.suspendedAt) !== timeOf(row.suspendedAt) ||
      row.deletedOnGithubAt !== null;
    const repositories = event.repositories?.map(asRepository);
    const repositoriesChanged = repositories ? !sameRepositories(await storedRepositories(tx, row), repositories) : false;
    if (!rowChanged && !repositoriesChanged) return false;
    await tx
      .update(gitInstallations)
      .set({ ...wanted, ...(repositoriesChanged ? { repositoriesSyncedAt: sql`now()` } : {}), updatedAt: sql`now()` })
      .where(eq(gitInstallations.id, row.id));
    if (repositories && repositoriesChanged) {
      await tx.delete(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
      await insertRepositories(tx, { orgId: row.orgId, installationRowId: row.id }, repositories);
    }
    await audit(tx, row, "git.installation.created", event.sender, {
      after: { repositoryCount: event.repositories?.length ?? null, repositorySelection: event.installation.repository_selection ?? null },
    });
    return true;
  },
  // Uninstalled on GitHub: kept, marked, without repositories, so the Git page says what stopped.
  deleted: (event) => async (tx, row) => {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
    if (row.deletedOnGithubAt !== null && n === 0) return false;
    const using = await applicationsUsingInstallation(tx, row.orgId, row.id);
    await tx.update(gitInstallations).set({ deletedOnGithubAt: row.deletedOnGithubAt ?? sql`now()`, updatedAt: sql`now()` }).where(eq(gitInstallations.id, row.id));
    await tx.delete(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
    await audit(tx, row, "git.installation.deleted", event.sender, { before: { repositories: n }, after: applicationLabels(using) });
    return true;
  },
  suspend: (event) => async (tx, row) => {
    if (row.suspendedAt !== null) return false;
    const suspendedAt = event.installation.suspended_at ? new Date(event.installation.suspended_at) : new Date();
    const using = await applicationsUsingInstallation(tx, row.orgId, row.id);
    await tx.update(gitInstallations).set({ suspendedAt, updatedAt: sql`now()` }).where(eq(gitInstallations.id, row.id));
    await audit(tx, row, "git.installation.suspended", event.sender, { after: applicationLabels(using) });
    return true;
  },
  unsuspend: (event) => async (tx, row) => {
    if (row.suspendedAt === null) return false;
    await tx.update(gitInstallations).set({ suspendedAt: null, updatedAt: sql`now()` }).where(eq(gitInstallations.id, row.id));
    await audit(tx, row, "git.installation.unsuspended", event.sender, {});
    return true;
  },
};

// Both lists are applied whatever the action says (GitHub fills one; a payload with both is not
// half-applied), each with its own audit event, naming only the repositories really added or removed.
export function applyRepositoryChange(event: RepositoriesEvent): Apply {
  return async (tx, row) => {
    const selection = event.repository_selection ?? row.repositorySelection;
    const where = { orgId: row.orgId, installationRowId: row.id };
    const added = await insertRepositories(tx, where, event.repositories_added.map(asRepository));
    if (added.length > 0) {
      await audit(tx, row, "git.repositories.added", event.sender, { after: repositoryValues(added, event.repository_selection) });
    }
    const ids = event.repositories_removed.map((repo) => repo.id);
    const removed = ids.length
      ? await tx
          .delete(gitRepositories)
          .where(and(eq(gitRepositories.installationRowId, row.id), inArray(gitRepositories.githubId, ids)))
          .returning({ fullName: gitRepositories.fullName })
      : [];
    if (removed.length > 0) {
      // Names as we knew them (GitHub's payload may carry renamed ones).
      const names = removed.map((repo) => repo.fullName);
      const using = await applicationsUsingRepositories(tx, row.orgId, names);
      await audit(tx, row, "git.repositories.removed", event.sender, {
        after: { ...repositoryValues(names, event.repository_selection), ...applicationLabels(using) },
      });
    }
    const changed = added.length > 0 || removed.length > 0 || selection !== row.repositorySelection;
    if (changed) {
      await tx
        .update(gitInstallations)
        .set({ repositorySelection: selection, repositoriesSyncedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(gitInstallations.id, row.id));
    }
    return changed;
  };
}

const repositoryValues = (names: string[], selection: string | undefined) => ({
  repositories: names.slice(0, 50),
  repositoryCount: names.length,
  repositorySelection: selection ?? null,
});

async function audit(
  tx: Tx,
  row: GitInstallation,
  action: string,
  who: z.output<typeof sender>,
  values: { before?: unknown; after?: Record<string, unknown> },
): Promise<void> {
  await recordWebhookAudit(tx, row.orgId, {
    action,
    targetType: "git_installation",
    targetId: row.id,
    targetLabel: row.accountLogin,
    before: values.before,
    after: { ...values.after, sender: who?.login ?? null },
  });
}
