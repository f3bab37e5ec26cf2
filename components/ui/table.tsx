import { cn } from "./cn";

// A data table that becomes stacked cards below 768 px: each row a card, each cell a line with its
// column's label, so nothing scrolls sideways on a phone. Server components; no JavaScript.

export function Table({ className, ...rest }: React.ComponentProps<"table">) {
  return <table className={cn("w-full text-left text-sm max-md:block", className)} {...rest} />;
}

export function TableCaption({ className, ...rest }: React.ComponentProps<"caption">) {
  return <caption className={cn("sr-only", className)} {...rest} />;
}

export function TableHead({ className, ...rest }: React.ComponentProps<"thead">) {
  return <thead className={cn("border-b border-zinc-200 text-xs text-zinc-600 uppercase max-md:sr-only dark:border-zinc-800 dark:text-zinc-400", className)} {...rest} />;
}

export function TableBody({ className, ...rest }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-zinc-200 dark:divide-zinc-800 max-md:block max-md:space-y-3 max-md:divide-y-0", className)} {...rest} />;
}

export function TableRow({ className, ...rest }: React.ComponentProps<"tr">) {
  return (
    <tr
      className={cn("max-md:block max-md:rounded-lg max-md:border max-md:border-zinc-200 max-md:bg-white max-md:p-3 max-md:dark:border-zinc-800 max-md:dark:bg-zinc-900", className)}
      {...rest}
    />
  );
}

export function TableHeaderCell({ className, ...rest }: React.ComponentProps<"th">) {
  return <th scope="col" className={cn("px-3 py-2 font-medium", className)} {...rest} />;
}

type CellProps = React.ComponentProps<"td"> & {
  /** The column's name, shown beside the value when rows are stacked on a phone. */
  label?: string;
};

export function TableCell({ label, className, children, ...rest }: CellProps) {
  return (
    <td className={cn("px-3 py-2 align-middle max-md:flex max-md:min-w-0 max-md:items-center max-md:justify-between max-md:gap-3 max-md:px-0 max-md:py-1", className)} {...rest}>
      {label && <span className="shrink-0 text-xs text-zinc-600 md:hidden dark:text-zinc-400">{label}</span>}
      {label ? <span className="min-w-0 max-md:text-right max-md:break-words">{children}</span> : children}
    </td>
  );
}
