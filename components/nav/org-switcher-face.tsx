import { Avatar } from "@/components/ui/avatar";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { OrganizationChoice } from "@/lib/orgs/queries";

/**
 * What the switcher's button shows. Rendered on the server and handed to the client trigger, so
 * the avatar and icon code stay off the browser's first load.
 */
export function OrgSwitcherFace({ current, roleLabel }: { current: OrganizationChoice | null; roleLabel: string | null }) {
  return (
    <>
      {current && <Avatar name={current.name} seed={current.slug} size="sm" />}
      <span className="sr-only">Switch organization, current organization: </span>
      <span className="min-w-0 truncate">{current?.name ?? "Select an organization"}</span>
      {current && (
        // Below 640 px the name needs the room; the role stays in the button's accessible name.
        <span className="rounded bg-zinc-100 px-1.5 text-xs whitespace-nowrap text-zinc-700 max-sm:sr-only dark:bg-zinc-800 dark:text-zinc-300">
          <span className="sr-only">, </span>
          {roleLabel}
        </span>
      )}
      <ChevronDownIcon className="size-4 shrink-0 text-zinc-500" />
    </>
  );
}
