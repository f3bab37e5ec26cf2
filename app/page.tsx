import { redirect } from "next/navigation";
import { landingPath } from "@/lib/pages/org-page";

// `/` goes to the organization the user last worked in (or their personal one).
export default async function Home() {
  redirect(await landingPath());
}
