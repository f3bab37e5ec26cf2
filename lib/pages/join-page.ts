import "server-only";
import { getDb } from "@/db/client";
import { joinableOrganizations, type JoinableOrganization } from "@/lib/domains/queries";
import { requireSessionUser } from "./org-page";

type Viewer = Awaited<ReturnType<typeof requireSessionUser>>;

/**
 * What /join/[orgId] shows the signed-in user: the organization only when a verified domain of
 * their email lets them ask to join (or join) it, so the page names nothing to anyone else.
 */
export async function loadJoinPage(orgId: string): Promise<{ viewer: Viewer; org: JoinableOrganization | null }> {
  const viewer = await requireSessionUser();
  if (!/^[0-9a-f-]{36}$/i.test(orgId)) return { viewer, org: null };
  const joinable = await joinableOrganizations(await getDb(), viewer);
  return { viewer, org: joinable.find((org) => org.orgId === orgId.toLowerCase()) ?? null };
}
