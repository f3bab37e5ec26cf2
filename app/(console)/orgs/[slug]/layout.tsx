import { ConsoleShell } from "@/components/layout/console-shell";
import { loadOrgPage } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../../actions";

type Props = { children: React.ReactNode; params: Promise<{ slug: string }> };

export default async function OrganizationLayout({ children, params }: Props) {
  const { slug } = await params;
  const { actor, org, role } = await loadOrgPage(slug);
  return (
    <ConsoleShell
      user={actor}
      current={{ slug: org.slug, name: org.name, kind: org.kind, role }}
      switchOrganization={switchOrganization}
      signOut={signOutAction}
    >
      {children}
    </ConsoleShell>
  );
}
