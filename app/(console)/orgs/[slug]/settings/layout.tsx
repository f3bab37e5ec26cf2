import { SettingsNav } from "@/components/nav/settings-nav";
import { openSettingsPages } from "@/lib/orgs/sections";
import { loadOrgPage } from "@/lib/pages/org-page";

type Props = { children: React.ReactNode; params: Promise<{ slug: string }> };

// Every member gets the settings shell (the Danger Zone is where anyone but the owner leaves); each
// page checks its own permission and explains a refusal, and the navigation lists only what the
// caller's role opens: a side list from 768 px, a menu button below.
export default async function SettingsLayout({ children, params }: Props) {
  const ctx = await loadOrgPage((await params).slug);
  const items = openSettingsPages(ctx.org.slug, ctx.can);
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[220px_minmax(0,1fr)] md:gap-8">
      <aside className="min-w-0">
        <SettingsNav items={items} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
