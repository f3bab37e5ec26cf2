import { ConsoleShell } from "@/components/layout/console-shell";
import { DeletionBanner } from "@/components/orgs/deletion-banner";
import { MaintenanceBanner } from "@/components/notices/maintenance-banner";
import { openSettingsPages } from "@/lib/orgs/sections";
import { loadOrgPage } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../../actions";

type Props = { children: React.ReactNode; params: Promise<{ slug: string }> };

export default async function OrganizationLayout({ children, params }: Props) {
  const { slug } = await params;
  const ctx = await loadOrgPage(slug);
  const { actor, org, role } = ctx;
  return (
    <ConsoleShell
      user={actor}
      current={{ slug: org.slug, name: org.name, kind: org.kind, role, deleting: org.deletionRequestedAt !== null }}
      banner={org.deletionRequestedAt && <DeletionBanner slug={org.slug} name={org.name} failure={org.deletionFailure} />}
      settings={openSettingsPages(org.slug, ctx.can)}
      switchOrganization={switchOrganization}
      signOut={signOutAction}
    >
      <MaintenanceBanner notices={ctx.maintenance} />
      {children}
    </ConsoleShell>
  );
}
