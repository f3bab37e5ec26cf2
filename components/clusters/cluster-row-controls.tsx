"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { RowActions, type RowAction } from "@/components/ui/row-actions";
import { useClusterActions } from "./cluster-actions";
import type { ClusterRowData } from "./cluster-rows";

/** The "…" menu's items that can be off, each with its reason. */
export type MenuAction = "update" | "download" | "setDefault" | "stop" | "delete";

const primaryLabels = { start: ["Start", "Starting…"], retry: ["Retry", "Retrying…"] } as const;

/** A cluster row's controls: at most one button, and one "…" menu with the rest (each off item says why). */
export function ClusterRowControls({ cluster }: { cluster: ClusterRowData }) {
  const router = useRouter();
  const { confirm, run, pending, basePath } = useClusterActions();
  const { primary, denied, stoppable } = cluster;
  const row = { id: cluster.id, name: cluster.name, isDefault: Boolean(cluster.isDefault), production: Boolean(cluster.production) };
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
    // Laid out by globals.css (.clusters-table td[data-controls] > div); the menu is found by
    // data-cluster-menu when focus must come back to it.
    <div data-cluster-menu={row.id}>
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
      <RowActions label={`Actions for ${row.name}`} actions={actions} />
    </div>
  );
}
