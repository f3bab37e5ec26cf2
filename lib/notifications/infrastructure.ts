import type { Queryable } from "@/db/client";
import type { Cluster, ClusterJob } from "@/db/schema";
import { organizations } from "@/db/schema";
import { eq } from "drizzle-orm";
import { noticeAppUrl } from "./app-url";
import { enqueueNotice } from "./outbox";
import { noticeRecipients } from "./recipients";

const actionWords = { install: "installing", update: "updating", stop: "stopping", start: "starting", delete: "deleting" } as const;

/**
 * Called inside the transaction that fails a cluster job into `error` (lib/clusters/jobs.ts): one
 * email per recipient, once per incident (the failed job's id is in the dedupe key), with what
 * failed and a link to the organization's Clusters page.
 */
export async function enqueueClusterFailureNotice(tx: Queryable, job: ClusterJob, cluster: Cluster, reason: string): Promise<void> {
  const [org] = await tx.select({ name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, job.orgId));
  if (!org) return;
  const appUrl = noticeAppUrl();
  const link = `${appUrl}/orgs/${org.slug}/settings/clusters`;
  for (const to of await noticeRecipients(tx, job.orgId)) {
    await enqueueNotice(
      tx,
      {
        orgId: job.orgId,
        kind: "infrastructure",
        to,
        dedupeKey: `infrastructure:job:${job.id}:${to}`,
        subject: `Cluster ${cluster.name} in ${org.name} failed while ${actionWords[job.action]}`,
        text: [
          `The cluster ${cluster.name} of ${org.name} failed while ${actionWords[job.action]} (${job.action}) and is now in error.`,
          "",
          `Reason: ${reason}`,
          "",
          `Open the Clusters page to retry or delete it: ${link}`,
        ].join("\n"),
      },
      appUrl,
    );
  }
}
