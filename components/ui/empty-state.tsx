type Props = { title: string; children?: React.ReactNode; action?: React.ReactNode };

/** What an empty list says instead of an empty table: what would be here, and how to add it. */
export function EmptyState({ title, children, action }: Props) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-4 py-10 text-center dark:border-zinc-700">
      <p className="font-medium">{title}</p>
      {children && <div className="mx-auto mt-1 max-w-md text-sm text-zinc-700 dark:text-zinc-300">{children}</div>}
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}
