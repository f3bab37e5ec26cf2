"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { RowActions, type RowAction } from "@/components/ui/row-actions";
import type { ClusterRowAction } from "@/lib/pages/clusters-page";
import { type ClusterRowRef, useClusterActions } from "./cluster-actions";

type Props = {
  row: ClusterRowRef;
  /** The one button beside the menu: Start for a stopped cluster, Retry for one in error. */
  primary: "start" | "retry" | null;
  /** Whether Stop belongs in the menu (not for a stopped cluster, whose way forward is Start). */
  stoppable: boolean;
  denied: Partial<Record<ClusterRowAction, string>>;
  basePath: string;
};

const primaryLabels = { start: ["Start", "Starting…"], retry: ["Retry", "Retrying…"] } as const;

/** A cluster row's controls: at most one button, and one "…" menu with the rest (each off item says why). */
export function ClusterRowControls({ row, primary, stoppable, denied, basePath }: Props) {
  const router = useRouter();
  const { confirm, run, pending } = useClusterActions();
  const busy = pending?.id === row.id;
  const href = `${basePath}/${row.id}`;
  const actions: RowAction[] = [
    { label: "Update settings", disabledReason: denied.update, onSelect: () => router.push(`${href}/edit`) },
    // A plain navigation to the attachment, never prefetched: every download is an audit event.
    { label: "Download kubeconfig", disabledReason: denied.download, onSelect: () => window.location.assign(`${href}/kubeconfig`) },
    { label: "Set as default", disabledReason: busy ? "Another action is on its way." : denied.setDefault, onSelect: () => run(row, "setDefault") },
    ...(stoppable ? [{ label: "Stop", disabledReason: denied.stop, onSelect: () => confirm(row, "stop"), separated: true }] : []),
    { label: "Delete", variant: "danger", disabledReason: denied.delete, onSelect: () => confirm(row, "delete"), separated: !stoppable },
  ];
  return (
    <div className="flex items-center justify-end gap-2">
      {primary && (
        <Button
          variant="secondary"
          size="sm"
          pending={busy && pending?.kind === primary}
          pendingLabel={primaryLabels[primary][1]}
          onClick={() => run(row, primary)}
        >
          {primaryLabels[primary][0]}
          <span className="sr-only"> {row.name}</span>
        </Button>
      )}
      <span data-cluster-menu={row.id} className="contents">
        <RowActions label={`Actions for ${row.name}`} actions={actions} />
      </span>
    </div>
  );
}
