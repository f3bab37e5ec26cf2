import Link from "next/link";
import { linkClass, panelClass } from "./project-styles";

/** Shown where a page's main control needs a role the caller lacks: says which and what to do. */
export function ProjectAccessNote({ title, reason, backHref, backLabel }: { title: string; reason: string; backHref: string; backLabel: string }) {
  return (
    <section aria-labelledby="access-note" className={`max-w-xl ${panelClass}`}>
      <h1 id="access-note" className="text-xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{reason} Ask an owner or admin of the organization if you need it.</p>
      <Link href={backHref} className={`mt-4 inline-block text-sm font-medium ${linkClass}`}>
        {backLabel}
      </Link>
    </section>
  );
}
