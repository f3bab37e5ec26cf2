import Link from "next/link";
import { noClusterMessage } from "@/lib/projects/placement";
import { linkClass, noticeClass } from "./project-styles";

/** No cluster at all: nothing can be created; say so, and where clusters are added for those who may. */
export function EnvironmentNoCluster({ orgSlug, canManageClusters }: { orgSlug: string; canManageClusters: boolean }) {
  return (
    <div className={`mt-6 ${noticeClass}`} data-testid="no-cluster">
      {canManageClusters ? (
        <p>
          This organization has no cluster to deploy to yet.{" "}
          <Link href={`/orgs/${orgSlug}/settings/clusters/new`} className={linkClass}>
            Add a cluster in Clusters
          </Link>
          , then come back to create the environment.
        </p>
      ) : (
        <p>{noClusterMessage}</p>
      )}
    </div>
  );
}
