import { cn } from "./cn";

type Props = Omit<React.ComponentProps<"section">, "title"> & { title?: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode; tone?: "default" | "danger" };

/** A bordered section with an optional heading row (title, description, actions on the right). */
export function Card({ title, description, actions, tone = "default", className, children, ...rest }: Props) {
  return (
    <section
      className={cn(
        "rounded-lg border bg-white p-4 sm:p-6 dark:bg-zinc-900",
        tone === "danger" ? "border-red-300 dark:border-red-900" : "border-zinc-200 dark:border-zinc-800",
        className,
      )}
      {...rest}
    >
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            {title && <h2 className="text-lg font-semibold">{title}</h2>}
            {description && <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
