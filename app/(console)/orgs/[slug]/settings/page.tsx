import { redirect } from "next/navigation";
import { orgHref, settingsSections } from "@/lib/orgs/sections";
import { loadOrgPage } from "@/lib/pages/org-page";

type Props = { params: Promise<{ slug: string }> };

/** Opens the first settings page the caller's role may see (General Information for admins). */
export default async function SettingsIndex({ params }: Props) {
  const ctx = await loadOrgPage((await params).slug);
  const first = settingsSections.find((section) => ctx.can(section.permission)) ?? settingsSections[0];
  redirect(orgHref(ctx.org.slug, first.path));
}
