import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { TabLinks } from "@/components/ui/tab-links";
import { type AccountProvider, accountProviders } from "@/lib/cloud-accounts/credentials";
import { providerCatalog } from "@/lib/clusters/catalog";
import { loadNewCloudAccountPage } from "@/lib/pages/cloud-accounts-page";
import { addCloudAccountAction } from "./actions";
import { NewCloudAccountForm } from "./_components/new-cloud-account-form";

export const metadata: Metadata = { title: "Add cloud account" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ provider?: string }> };

const isProvider = (value: unknown): value is AccountProvider => (accountProviders as readonly unknown[]).includes(value);

export default async function NewCloudAccountPage({ params, searchParams }: Props) {
  const access = await loadNewCloudAccountPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const requested = (await searchParams).provider;
  const provider = isProvider(requested) ? requested : "aws";
  const listHref = `/orgs/${access.ctx.org.slug}/settings/cloud-accounts`;
  return (
    <section aria-labelledby="new-cloud-account-heading" className="max-w-2xl">
      <p className="text-sm">
        <Link href={listHref} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Cloud accounts
        </Link>
      </p>
      <PageHeader
        id="new-cloud-account-heading"
        title="Add cloud account"
        description="Managed clusters are installed with the credentials of a cloud account of their provider. They are sealed at rest and never shown again: only their last four characters are."
      />
      <TabLinks
        label="Cloud provider"
        tabs={accountProviders.map((p) => ({ href: `${listHref}/new?provider=${p}`, label: providerCatalog[p].label, current: p === provider }))}
      />
      <NewCloudAccountForm
        key={provider}
        action={addCloudAccountAction.bind(null, access.ctx.org.slug)}
        provider={provider}
        providerLabel={providerCatalog[provider].label}
        cancelHref={listHref}
      />
    </section>
  );
}
