import type { Metadata } from "next";
import { AddDomainForm } from "@/components/domains/add-domain-form";
import { DomainCard } from "@/components/domains/domain-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { loadDomainsPage } from "@/lib/pages/domains-page";
import { addDomainAction, removeDomainAction, setDomainPolicyAction, verifyDomainAction } from "./actions";

export const metadata: Metadata = { title: "Verified domains" };

type Props = { params: Promise<{ slug: string }> };

const headingId = "domains-heading";

export default async function DomainsPage({ params }: Props) {
  const access = await loadDomainsPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, domains } = access;
  const { org } = ctx;
  const bound = { verify: verifyDomainAction.bind(null, org.slug), policy: setDomainPolicyAction.bind(null, org.slug), remove: removeDomainAction.bind(null, org.slug) };
  return (
    <section aria-labelledby={headingId} className="max-w-4xl min-w-0">
      <PageHeader
        id={headingId}
        title="Verified domains"
        description={`Prove that ${org.name} owns an email domain with a DNS TXT record, then choose whether people signed in with an address at it may ask to join, or join at once.`}
      />
      {org.kind === "personal" ? (
        <EmptyState title="Not for a personal organization">A personal organization cannot have members. Create a team organization to verify a domain.</EmptyState>
      ) : (
        <div className="space-y-6">
          <AddDomainForm action={addDomainAction.bind(null, org.slug)} />
          {domains.length === 0 ? (
            <EmptyState title="No domain yet">Add your company&apos;s email domain, such as acme.com, to let colleagues find {org.name}.</EmptyState>
          ) : (
            <ul aria-label={`Domains of ${org.name}`} className="space-y-4">
              {domains.map((domain) => (
                <li key={domain.id}>
                  <DomainCard domain={domain} actions={bound} headingId={headingId} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
