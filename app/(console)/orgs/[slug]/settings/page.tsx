import { redirect } from "next/navigation";

type Props = { params: Promise<{ slug: string }> };

export default async function SettingsIndex({ params }: Props) {
  redirect(`/orgs/${(await params).slug}/settings/general`);
}
