import type { Metadata } from "next";
import Link from "next/link";
import { CloudAccountActions } from "@/components/cloud-accounts/cloud-account-actions";
import { type CloudAccountRowData, CloudAccountRows } from "@/components/cloud-accounts/cloud-account-rows";
import { buttonClass } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import { type CloudAccountView, loadCloudAccountsPage } from "@/lib/pages/cloud-accounts-page";
import { deleteCloudAccountAction, renameCloudAccountAction, rotateCloudAccountAction } from "./actions";

export const metadata: Metadata = { title: "Cloud accounts" };

type Props = { params: Promise<{ slug: string }> };

const headingId = "cloud-accounts-heading";

// Only what a row shows; `rotated` stays on the server (the audit log has it).
const rowOf = ({ rotated: _rotated, ...row }: CloudAccountView): CloudAccountRowData => row;

export default async function CloudAccountsPage({ params }: Props) {
  const access = await loadCloudAccountsPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, accounts } = access;
  const { org } = ctx;
  const basePath = `/orgs/${org.slug}/settings/cloud-accounts`;
  return (
    <section aria-labelledby={headingId} className="max-w-6xl">
      <PageHeader
        id={headingId}
        title="Cloud accounts"
        actions={
          <Link href={`${basePath}/new`} className={buttonClass()}>
            Add cloud account
          </Link>
        }
      />
      <p className="-mt-4 mb-6 text-sm text-zinc-700 dark:text-zinc-300">
        The AWS, GCP, Azure and Scaleway credentials {org.name}&apos;s managed clusters are installed with. They are sealed at rest and never shown
        again, only their last four characters.
      </p>
      {accounts.length > 0 ? (
        <CloudAccountActions
          headingId={headingId}
          actions={{ rename: renameCloudAccountAction.bind(null, org.slug), rotate: rotateCloudAccountAction.bind(null, org.slug), delete: deleteCloudAccountAction.bind(null, org.slug) }}
        >
          <div className="rounded-lg border-zinc-200 md:border md:bg-white md:dark:border-zinc-800 md:dark:bg-zinc-900">
            <Table>
              <TableCaption>Cloud accounts of {org.name}</TableCaption>
              <TableHead>
                <tr>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Provider</TableHeaderCell>
                  <TableHeaderCell>Credentials</TableHeaderCell>
                  <TableHeaderCell>Created</TableHeaderCell>
                  <TableHeaderCell>Last used</TableHeaderCell>
                  <TableHeaderCell>Used by</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="sr-only">Actions</span>
                  </TableHeaderCell>
                </tr>
              </TableHead>
              <tbody>
                <CloudAccountRows rows={accounts.map(rowOf)} />
              </tbody>
            </Table>
          </div>
        </CloudAccountActions>
      ) : (
        <EmptyState title="No cloud account yet">Add one to install managed clusters on AWS, GCP, Azure or Scaleway.</EmptyState>
      )}
    </section>
  );
}
