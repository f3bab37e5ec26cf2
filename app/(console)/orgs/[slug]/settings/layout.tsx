import { SettingsNav } from "@/components/nav/settings-nav";
import { RoleRequired } from "@/components/ui/role-required";
import { orgHref, settingsSections } from "@/lib/orgs/sections";
import { loadSettingsPage } from "@/lib/pages/settings-page";

type Props = { children: React.ReactNode; params: Promise<{ slug: string }> };

export default async function SettingsLayout({ children, params }: Props) {
  const access = await loadSettingsPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx } = access;
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
