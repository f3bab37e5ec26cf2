import type { MemberRole } from "@/db/schema/values";

/** Roles in words. Free of imports, so that client components can name roles cheaply. */
export const roleLabels: Record<MemberRole, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  viewer: "Viewer",
};
