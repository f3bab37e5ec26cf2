import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import type { ClusterStatus } from "@/db/schema/values";

const tone: Record<ClusterStatus, BadgeTone> = {
  running: "success",
  stopped: "neutral",
  error: "danger",
  installing: "info",
  updating: "info",
  starting: "info",
  stopping: "warning",
  deleting: "warning",
};

/** A cluster's state on the kit's Badge; a spinner while it is between two states. */
export function StatusBadge({ status, label, transitioning }: { status: ClusterStatus; label: string; transitioning: boolean }) {
  return (
    <span data-testid="cluster-status" className="inline-flex">
      <Badge tone={tone[status]}>
        {transitioning && <Spinner />}
        {label}
      </Badge>
    </span>
  );
}
