import type { Metadata } from "next";
import { ExportLink } from "@/components/orgs/export-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { deniedReason } from "@/lib/authz/permissions";
import { loadSettingsPage } from "@/lib/pages/settings-page";
import { getDb } from "@/db/client";
import { subscriptionsOverview } from "@/lib/notifications/subscriptions";
import { resubscribe, sendTestReport, updateGeneralInformation } from "./actions";
import { GeneralInformationForm } from "./_components/general-information-form";
import { NoticeSubscriptions } from "./_components/notice-subscriptions";

export const metadata: Metadata = { title: "General Information" };

const shownFallbackRecipients = 10;

type Props = { params: Promise<{ slug: string }> };

export default async function GeneralInformationPage({ params }: Props) {
  const access = await loadSettingsPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { org } = access.ctx;
  // Without contacts the owner and up to 50 admins receive them; listing 50 addresses tripled the
  // page, so the first ten stand for the rest.
  const subscriptions = await subscriptionsOverview(await getDb(), org, shownFallbackRecipients);
  const denied = access.ctx.can("org.edit") ? null : deniedReason("org.edit");
  return (
    <section aria-labelledby="general-heading" className="max-w-2xl min-w-0">
      <PageHeader id="general-heading" title="General Information" description="Your organization's details, as your members and Org Console see them." />
      <Card>
        <GeneralInformationForm
          action={updateGeneralInformation.bind(null, org.slug)}
          deniedReason={denied}
          saved={{
            name: org.name,
            slug: org.slug,
            description: org.description,
            website: org.website,
            adminContactEmails: org.adminContactEmails.join(", "),
          }}
        />
      </Card>
      <Card
        className="mt-6"
        aria-labelledby="notices-heading"
        title={<span id="notices-heading">What the admin contact emails receive</span>}
        description="Infrastructure outages, maintenance updates, and weekly and monthly usage reports, nothing else. Each email has a one-click unsubscribe link."
      >
        <NoticeSubscriptions
          {...subscriptions}
          sendTestReport={sendTestReport.bind(null, org.slug)}
          resubscribe={resubscribe.bind(null, org.slug)}
          deniedReason={denied}
        />
      </Card>
      {access.ctx.can("org.export") && (
        <Card className="mt-6" aria-labelledby="export-heading" title={<span id="export-heading">Export</span>} description="Everything about the organization in one JSON file: settings, members, projects, clusters, the audit log. Secrets are never included.">
          <ExportLink slug={org.slug} />
        </Card>
      )}
    </section>
  );
}
