"use client";

import Link from "next/link";
import { RowActions } from "@/components/ui/row-actions";
import { useCloudAccountActions } from "./cloud-account-actions";
import type { AccountProviderName } from "./credential-fields";

/** An account as its row needs it: never the credentials, only their last four characters. */
export type CloudAccountRowData = {
  id: string;
  name: string;
  provider: AccountProviderName;
  providerLabel: string;
  masked: string;
  created: string;
  lastUsed: string;
  usedBy: { id: string; name: string; href: string }[];
  deleteDenied?: string;
};

/** The cloud accounts table's rows: the data, and one "…" menu (Rename, Rotate credentials, Delete). */
export function CloudAccountRows({ rows }: { rows: CloudAccountRowData[] }) {
  return rows.map((account) => (
    <tr key={account.id} data-testid="cloud-account-row">
      <th scope="row" className="break-words">
        {account.name}
      </th>
      <td data-label="Provider">{account.providerLabel}</td>
      <td data-label="Credentials">
        <span className="font-mono" aria-label={`Credentials ending in ${account.masked.slice(1)}`}>
          {account.masked}
        </span>
      </td>
      <td data-label="Created">{account.created}</td>
      <td data-label="Last used">{account.lastUsed}</td>
      <td data-label="Used by">
        {account.usedBy.length === 0 ? (
          <span className="text-zinc-600 dark:text-zinc-400">No cluster</span>
        ) : (
          <span>
            {account.usedBy.map((cluster, i) => (
              <span key={cluster.id}>
                {i > 0 && ", "}
                <Link href={cluster.href} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
                  {cluster.name}
                </Link>
              </span>
            ))}
          </span>
        )}
      </td>
      <td data-actions="">
        <AccountMenu account={account} />
      </td>
    </tr>
  ));
}

function AccountMenu({ account }: { account: CloudAccountRowData }) {
  const { open } = useCloudAccountActions();
  const ref = { id: account.id, name: account.name, provider: account.provider, providerLabel: account.providerLabel, usedBy: account.usedBy.map((c) => c.name) };
  return (
    <div data-account-menu={account.id}>
      <RowActions
        label={`Actions for ${account.name}`}
        actions={[
          { label: "Rename", onSelect: () => open(ref, "rename") },
          { label: "Rotate credentials", onSelect: () => open(ref, "rotate") },
          { label: "Delete", variant: "danger", separated: true, disabledReason: account.deleteDenied, onSelect: () => open(ref, "delete") },
        ]}
      />
    </div>
  );
}
