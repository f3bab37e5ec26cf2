import { SettingsNav } from "@/components/nav/settings-nav";
import { orgHref, settingsSections } from "@/lib/orgs/sections";
import { loadOrgPage } from "@/lib/pages/org-page";

type Props = { children: React.ReactNode; params: Promise<{ slug: string }> };

// Every member gets the settings shell (the Danger Zone is where anyone but the owner leaves); each
// page checks its own permission and explains a refusal, and the navigation lists only what the
// caller's role opens.
export default async function SettingsLayout({ children, params }: Props) {
  const ctx = await loadOrgPage((await params).slug);
  const items = settingsSections
    .filter((section) => ctx.can(section.permission))
    .map((section) => ({ href: orgHref(ctx.org.slug, section.path), label: section.label }));
  return (
    <div className="grid gap-8 md:grid-cols-[220px_1fr]">
      <aside>
        <p className="mb-2 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">Organization settings</p>
        <SettingsNav items={items} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
