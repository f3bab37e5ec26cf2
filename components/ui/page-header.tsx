type Props = { title: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode; id?: string };

/** A page's title with its primary action on the same line (wrapping below it on a phone). */
export function PageHeader({ title, description, actions, id }: Props) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
      {/* Grows to take the line and shrinks to 16rem before the actions wrap below it. */}
      <div className="min-w-0 flex-1 basis-64">
        {/* Focusable by script: after a row disappears, focus goes back to the page's title. */}
        <h1 id={id} tabIndex={-1} className="text-2xl font-semibold break-words outline-none">
          {title}
        </h1>
        {description && <div className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
