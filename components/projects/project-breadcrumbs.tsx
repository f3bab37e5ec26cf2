import Link from "next/link";
import { linkClass } from "./project-styles";

type Crumb = { label: string; href: string };

/** Where a project page sits: organization › project › environment. The current page is not a link. */
export function ProjectBreadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((crumb, index) => (
          <li key={crumb.href} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden className="text-zinc-400">/</span>}
            <Link href={crumb.href} className={linkClass}>
              {crumb.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
