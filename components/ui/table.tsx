import { cn } from "./cn";

// A data table that becomes stacked cards below 768 px: each row a card, each cell a line led by
// its column's name, so nothing scrolls sideways on a phone. Its look lives once in globals.css
// (`.data-table`), so rows carry only their data. Server components; no JavaScript.

export function Table({ className, ...rest }: React.ComponentProps<"table">) {
  return <table className={cn("data-table", className)} {...rest} />;
}

export function TableCaption({ className, ...rest }: React.ComponentProps<"caption">) {
  return <caption className={cn("sr-only", className)} {...rest} />;
}

export function TableHead(props: React.ComponentProps<"thead">) {
  return <thead {...props} />;
}

export function TableBody(props: React.ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TableRow(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

export function TableHeaderCell(props: React.ComponentProps<"th">) {
  return <th scope="col" {...props} />;
}

type CellProps = React.ComponentProps<"td"> & {
  /** The column's name, shown before the value when rows are stacked on a phone. */
  label?: string;
  /** The row's actions cell: right-aligned, and the card's top right corner on a phone. */
  actions?: boolean;
};

export function TableCell({ label, actions, ...rest }: CellProps) {
  // Only the attributes in use: an unset one still costs `"$undefined"` in the RSC payload, per cell.
  const data = { ...(label !== undefined && { "data-label": label }), ...(actions && { "data-actions": "" }) };
  return <td {...data} {...rest} />;
}
