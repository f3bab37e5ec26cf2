import type { Metadata } from "next";
import { RoleRequired } from "@/components/ui/role-required";
import { loadSettingsPage } from "@/lib/pages/settings-page";
import { updateGeneralInformation } from "./actions";
import { GeneralInformationForm } from "./_components/general-information-form";

export const metadata: Metadata = { title: "General Information" };

type Props = { params: Promise<{ slug: string }> };

export default async function GeneralInformationPage({ params }: Props) {
  const access = await loadSettingsPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { org } = access.ctx;
  return (
    <section aria-labelledby="general-heading" className="max-w-2xl">
      <h1 id="general-heading" className="text-xl font-semibold">General Information</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">Your organization&apos;s details, as your members and Org Console see them.</p>
      <GeneralInformationForm
        action={updateGeneralInformation.bind(null, org.slug)}
        canEdit={access.ctx.can("org.edit")}
        saved={{
          name: org.name,
          slug: org.slug,
          description: org.description,
          website: org.website,
          adminContactEmails: org.adminContactEmails.join(", "),
        }}
      />
    </section>
  );
}
