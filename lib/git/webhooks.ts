import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gitInstallations, githubWebhookDeliveries } from "@/db/schema";
import { type Apply, applyRepositoryChange, installationActions, installationEvent, installationRepositoriesEvent } from "./webhook-effects";

// GitHub's webhook deliveries, already verified (lib/git/webhook-http.ts checks the signature).
// Each delivery is applied at most once: its X-GitHub-Delivery id is inserted in the same
// transaction as the change (ON CONFLICT DO NOTHING), so a redelivery finds it and changes nothing.
// The effects are applied as state (webhook-effects.ts): the same body under a new delivery id
// finds nothing to change and is answered "unchanged", with no audit event.
// Installations no organization has connected are acknowledged and nothing is written. Nothing
// here calls GitHub: the answer comes in milliseconds, well within GitHub's 10 seconds.

export type WebhookDelivery = { deliveryId: string; event: string; rawBody: string };
export type WebhookOutcome =
  | { result: "applied"; action: string }
  | { result: "duplicate" | "ignored" | "unchanged"; reason: string }
  | { result: "invalid"; reason: string };

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
    if (!(await plan.apply(tx, row))) {
      return { result: "unchanged", reason: `Installation ${plan.installationId} already is as ${delivery.event}.${plan.action} describes: nothing changed.` };
    }
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

// A redelivery comes within days at most: ids older than 30 days are forgotten (an indexed range).
async function forgetOldDeliveries(db: Db): Promise<void> {
  try {
    await db.execute(sql`delete from github_webhook_deliveries where received_at < now() - interval '30 days'`);
  } catch (error) {
    console.error("could not forget old webhook deliveries", error instanceof Error ? error.message : error);
  }
}
