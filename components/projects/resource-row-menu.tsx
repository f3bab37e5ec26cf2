"use client";

import { useRouter } from "next/navigation";
import { RowActions, type RowAction } from "@/components/ui/row-actions";
import { type ResourceRowRef, useChooseResourceAction } from "./resource-actions";

type Props = {
  row: ResourceRowRef;
  editHref: string;
  /** Why each action is off for the caller (absent: allowed). SSH is offered for applications only. */
  denied: { edit?: string; delete?: string; ssh?: string };
  ssh: boolean;
};

/** An application's or database's one "…" menu: Edit, Connect via SSH, Delete; off items say why. */
export function ResourceRowMenu({ row, editHref, denied, ssh }: Props) {
  const router = useRouter();
  const choose = useChooseResourceAction();
  const actions: RowAction[] = [
    { label: "Edit", disabledReason: denied.edit, onSelect: () => router.push(editHref) },
    ...(ssh ? [{ label: "Connect via SSH", disabledReason: denied.ssh, onSelect: () => choose({ row, action: "ssh" }) }] : []),
    { label: "Delete", variant: "danger", separated: true, disabledReason: denied.delete, onSelect: () => choose({ row, action: "delete" }) },
  ];
  return (
    <span data-resource-menu={row.id} className="inline-flex">
      <RowActions label={`Actions for ${row.name}`} actions={actions} />
    </span>
  );
}
