import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { type GitInstallation, gitInstallations, gitRepositories, githubWebhookDeliveries } from "@/db/schema";
import { recordWebhookAudit } from "./audit";
export { verifySignature } from "./signature";
import { applicationLabels, applicationsUsingInstallation, applicationsUsingRepositories, insertRepositories } from "./store";

// GitHub's webhook deliveries, already verified (lib/git/webhook-http.ts checks the signature).
// Each delivery is applied at most once: its X-GitHub-Delivery id is inserted in the same
// transaction as the change (ON CONFLICT DO NOTHING), so a redelivery finds it and changes nothing.
// Installations no organization has connected are acknowledged and nothing is written. Nothing
// here calls GitHub: the answer comes in milliseconds, well within GitHub's 10 seconds.

export type WebhookDelivery = { deliveryId: string; event: string; rawBody: string };
export type WebhookOutcome =
  | { result: "applied"; action: string }
  | { result: "duplicate" | "ignored"; reason: string }
  | { result: "invalid"; reason: string };

const repository = z.object({ id: z.number().int(), full_name: z.string().min(3).max(300), private: z.boolean().default(false) });
const installation = z.object({
  id: z.number().int().positive(),
  account: z.object({ login: z.string().max(100).optional(), slug: z.string().max(100).optional(), type: z.string().optional(), avatar_url: z.string().nullish() }).nullish(),
  repository_selection: z.enum(["all", "selected"]).optional(),
  suspended_at: z.string().nullish(),
});
const sender = z.object({ login: z.string().max(100) }).nullish();

const installationEvent = z.object({
  action: z.string(),
  installation,
  repositories: z.array(repository).optional(),
  sender,
});
const installationRepositoriesEvent = z.object({
  action: z.string(),
  installation,
  repository_selection: z.enum(["all", "selected"]).optional(),
  repositories_added: z.array(repository).default([]),
  repositories_removed: z.array(repository.partial({ full_name: true, private: true })).default([]),
  sender,
});

type Apply = (tx: Tx, row: GitInstallation) => Promise<void>;

/** Applies one verified delivery; see the file comment. */
export async function handleWebhook(db: Db, delivery: WebhookDelivery): Promise<WebhookOutcome> {
  let payload: unknown;
  try {
    payload = JSON.parse(delivery.rawBody);
  } catch {
    return { result: "invalid", reason: "The body is not JSON." };
  }
  const plan = planFor(delivery.event, payload);
  if ("result" in plan) return plan;
  const outcome = await db.transaction(async (tx): Promise<WebhookOutcome> => {
    const [row] = await tx.select().from(gitInstallations).where(eq(gitInstallations.installationId, plan.installationId)).for("update");
    if (!row) return { result: "ignored", reason: `No organization has connected installation ${plan.installationId}.` };
    const [recorded] = await tx
      .insert(githubWebhookDeliveries)
      .values({ deliveryId: delivery.deliveryId, event: delivery.event, action: plan.action })
      .onConflictDoNothing()
      .returning({ id: githubWebhookDeliveries.deliveryId });
    if (!recorded) return { result: "duplicate", reason: `Delivery ${delivery.deliveryId} was already applied.` };
    await plan.apply(tx, row);
    return { result: "applied", action: `${delivery.event}.${plan.action}` };
  });
  if (outcome.result === "applied") await forgetOldDeliveries(db);
  return outcome;
}

type Plan = { installationId: number; action: string; apply: Apply };

type Skip = { result: "ignored" | "invalid"; reason: string };

function planFor(event: string, payload: unknown): Plan | Skip {
  if (event === "installation") {
    const parsed = installationEvent.safeParse(payload);
    if (!parsed.success) return { result: "invalid", reason: "The installation event's payload is not what GitHub sends." };
    const { action } = parsed.data;
    if (!Object.hasOwn(installationActions, action)) return ignoredAction(event, action);
    return { installationId: parsed.data.installation.id, action, apply: installationActions[action](parsed.data) };
  }
  if (event === "installation_repositories") {
    const parsed = installationRepositoriesEvent.safeParse(payload);
    if (!parsed.success) return { result: "invalid", reason: "The installation_repositories event's payload is not what GitHub sends." };
    const { action } = parsed.data;
    if (action !== "added" && action !== "removed") return ignoredAction(event, action);
    return { installationId: parsed.data.installation.id, action, apply: applyRepositoryChange(parsed.data) };
  }
  return { result: "ignored", reason: `The ${event} event is not used by the console.` };
}

const ignoredAction = (event: string, action: string): Skip => ({ result: "ignored", reason: `${event}.${action} is not used by the console.` });

type InstallationEvent = z.output<typeof installationEvent>;

const installationActions: Record<string, (event: InstallationEvent) => Apply> = {
  // Installed again for an installation an organization already has: GitHub's word replaces ours.
  created: (event) => async (tx, row) => {
    const account = event.installation.account;
    await tx
      .update(gitInstallations)
      .set({
        accountLogin: account?.login ?? account?.slug ?? row.accountLogin,
        accountAvatarUrl: account?.avatar_url ?? row.accountAvatarUrl,
        repositorySelection: event.installation.repository_selection ?? row.repositorySelection,
        suspendedAt: event.installation.suspended_at ? new Date(event.installation.suspended_at) : null,
        deletedOnGithubAt: null,
        ...(event.repositories ? { repositoriesSyncedAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(gitInstallations.id, row.id));
    if (event.repositories) {
      await tx.delete(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
      await insertRepositories(tx, { orgId: row.orgId, installationRowId: row.id }, event.repositories.map(asRepository));
    }
    await audit(tx, row, "git.installation.created", event.sender, {
      after: { repositoryCount: event.repositories?.length ?? null, repositorySelection: event.installation.repository_selection ?? null },
    });
  },
  // Uninstalled on GitHub: kept, marked, without repositories, so the Git page says what stopped.
  deleted: (event) => async (tx, row) => {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
    const using = await applicationsUsingInstallation(tx, row.orgId, row.id);
    await tx.update(gitInstallations).set({ deletedOnGithubAt: sql`now()`, updatedAt: sql`now()` }).where(eq(gitInstallations.id, row.id));
    await tx.delete(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
    await audit(tx, row, "git.installation.deleted", event.sender, { before: { repositories: n }, after: applicationLabels(using) });
  },
  suspend: (event) => async (tx, row) => {
    const suspendedAt = event.installation.suspended_at ? new Date(event.installation.suspended_at) : new Date();
    const using = await applicationsUsingInstallation(tx, row.orgId, row.id);
    await tx.update(gitInstallations).set({ suspendedAt, updatedAt: sql`now()` }).where(eq(gitInstallations.id, row.id));
    await audit(tx, row, "git.installation.suspended", event.sender, { after: applicationLabels(using) });
  },
  unsuspend: (event) => async (tx, row) => {
    await tx.update(gitInstallations).set({ suspendedAt: null, updatedAt: sql`now()` }).where(eq(gitInstallations.id, row.id));
    await audit(tx, row, "git.installation.unsuspended", event.sender, {});
  },
};

type RepositoriesEvent = z.output<typeof installationRepositoriesEvent>;

// Both lists are applied whatever the action says (GitHub fills one; a payload with both is not
// half-applied), each with its own audit event.
function applyRepositoryChange(event: RepositoriesEvent): Apply {
  return async (tx, row) => {
    await tx
      .update(gitInstallations)
      .set({ repositorySelection: event.repository_selection ?? row.repositorySelection, repositoriesSyncedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(gitInstallations.id, row.id));
    if (event.repositories_added.length > 0) {
      await insertRepositories(tx, { orgId: row.orgId, installationRowId: row.id }, event.repositories_added.map(asRepository));
      const names = event.repositories_added.map((repo) => repo.full_name);
      await audit(tx, row, "git.repositories.added", event.sender, { after: repositoryValues(names, event.repository_selection) });
    }
    if (event.repositories_removed.length > 0) {
      const ids = event.repositories_removed.map((repo) => repo.id);
      const removed = await tx
        .delete(gitRepositories)
        .where(and(eq(gitRepositories.installationRowId, row.id), inArray(gitRepositories.githubId, ids)))
        .returning({ fullName: gitRepositories.fullName });
      // Names as we knew them (GitHub's payload may carry renamed ones), else as GitHub sends them.
      const names = removed.length ? removed.map((repo) => repo.fullName) : event.repositories_removed.flatMap((repo) => (repo.full_name ? [repo.full_name] : []));
      const using = await applicationsUsingRepositories(tx, row.orgId, names);
      await audit(tx, row, "git.repositories.removed", event.sender, {
        after: { ...repositoryValues(names, event.repository_selection), ...applicationLabels(using) },
      });
    }
  };
}

const asRepository = (repo: z.output<typeof repository>) => ({ githubId: repo.id, fullName: repo.full_name, private: repo.private });

const repositoryValues = (names: string[], selection: string | undefined) => ({
  repositories: names.slice(0, 50),
  repositoryCount: names.length,
  repositorySelection: selection ?? null,
});

async function audit(
  tx: Tx,
  row: GitInstallation,
  action: string,
  sender: z.output<typeof installationEvent>["sender"],
  values: { before?: unknown; after?: Record<string, unknown> },
): Promise<void> {
  await recordWebhookAudit(tx, row.orgId, {
    action,
    targetType: "git_installation",
    targetId: row.id,
    targetLabel: row.accountLogin,
    before: values.before,
    after: { ...values.after, sender: sender?.login ?? null },
  });
}

// A redelivery comes within days at most: ids older than 30 days are forgotten (an indexed range).
async function forgetOldDeliveries(db: Db): Promise<void> {
  try {
    await db.execute(sql`delete from github_webhook_deliveries where received_at < now() - interval '30 days'`);
  } catch (error) {
    console.error("could not forget old webhook deliveries", error instanceof Error ? error.message : error);
  }
}
