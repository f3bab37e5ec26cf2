import Link from "next/link";

type Props = {
  headingId: string;
  title: string;
  description?: React.ReactNode;
  trail: { projectName: string; projectHref: string; environmentName: string; environmentHref: string; modeLabel: string };
};

const crumb = "text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

/** The heading of an application or database page, under the project and environment it belongs to. */
export function ResourcePageHeader({ headingId, title, description, trail }: Props) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href={trail.projectHref} className={crumb}>
              {trail.projectName}
            </Link>
            <span aria-hidden className="mx-1 text-zinc-500">/</span>
          </li>
          <li>
            <Link href={trail.environmentHref} className={crumb}>
              {trail.environmentName}
            </Link>{" "}
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">{trail.modeLabel}</span>
          </li>
        </ol>
      </nav>
      <h1 id={headingId} tabIndex={-1} className="mt-1 text-xl font-semibold">
        {title}
      </h1>
      {description && <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</p>}
    </>
  );
}
