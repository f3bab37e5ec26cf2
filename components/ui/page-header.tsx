type Props = { title: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode; id?: string };

/** A page's title with its primary action on the same line (wrapping below it on a phone). */
export function PageHeader({ title, description, actions, id }: Props) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 id={id} className="text-2xl font-semibold break-words">
          {title}
        </h1>
        {description && <div className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
