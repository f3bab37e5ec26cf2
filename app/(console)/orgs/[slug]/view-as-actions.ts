"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/org-action";
import { clearViewAsCookie } from "@/lib/authz/view-as-cookie";
import * as viewAs from "@/lib/view-as/actions";

export const startViewingAs = orgAction(viewAs.startViewingAs);

// Not an organization write, and needs no permission: it only drops this browser's cookie, which
// could only ever have lowered the caller's role. It must work while viewing (every other write is refused then).
export async function stopViewingAs(): Promise<void> {
  await clearViewAsCookie();
  revalidatePath("/", "layout");
}
