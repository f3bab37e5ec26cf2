import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { MemberRole } from "@/lib/authz/permissions";

/** What the user menu offers in an organization the caller may view as a lower role. */
export type ViewAsOffer = {
  slug: string;
  orgName: string;
  /** Strictly below the caller's own role, highest first. */
  roles: MemberRole[];
  start: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
};
