import { ConsoleShell } from "@/components/layout/console-shell";
import { DeletionBanner } from "@/components/orgs/deletion-banner";
import { MaintenanceBanner } from "@/components/notices/maintenance-banner";
import { ViewAsBanner } from "@/components/orgs/view-as-banner";
import { viewAsRoles } from "@/lib/authz/view-as";
import { openSettingsPages } from "@/lib/orgs/sections";
import { loadOrgPage } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../../actions";
import { startViewingAs, stopViewingAs } from "./view-as-actions";

type Props = { children: React.ReactNode; params: Promise<{ slug: string }> };

export default async function OrganizationLayout({ children, params }: Props) {
  const { slug } = await params;
  const ctx = await loadOrgPage(slug);
  const { actor, org, role } = ctx;
  return (
    <ConsoleShell
      user={actor}
      current={{ slug: org.slug, name: org.name, kind: org.kind, role, deleting: org.deletionRequestedAt !== null }}
      banner={
        <>
          {org.deletionRequestedAt && <DeletionBanner slug={org.slug} name={org.name} failure={org.deletionFailure} />}
          {ctx.viewingAs && <ViewAsBanner orgName={org.name} viewingAs={ctx.viewingAs} stop={stopViewingAs} />}
        </>
      }
      settings={openSettingsPages(org.slug, ctx.can)}
      switchOrganization={switchOrganization}
      signOut={signOutAction}
      // Offered only while not viewing already: one view at a time, stopped from the banner.
      viewAs={ctx.can("org.viewAs") && !ctx.viewingAs ? { slug: org.slug, orgName: org.name, roles: viewAsRoles(role), start: startViewingAs } : null}
    >
      <MaintenanceBanner notices={ctx.maintenance} />
      {children}
    </ConsoleShell>
  );
}
