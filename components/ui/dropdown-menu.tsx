"use client";

import { DropdownMenu as MenuPrimitive } from "radix-ui";
import { cn } from "./cn";

export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;

export const menuPanelClass =
  "z-50 min-w-44 max-w-[calc(100vw-1rem)] rounded-md border border-zinc-200 bg-white p-1 text-sm text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export function DropdownMenuContent({ className, align = "end", sideOffset = 4, ...rest }: React.ComponentProps<typeof MenuPrimitive.Content>) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content align={align} sideOffset={sideOffset} className={cn(menuPanelClass, className)} {...rest} />
    </MenuPrimitive.Portal>
  );
}

type ItemProps = React.ComponentProps<typeof MenuPrimitive.Item> & { variant?: "default" | "danger" };

export const menuItemClass =
  "flex w-full cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function DropdownMenuItem({ className, variant = "default", ...rest }: ItemProps) {
  return <MenuPrimitive.Item className={cn(menuItemClass, variant === "danger" && "text-red-700 dark:text-red-400", className)} {...rest} />;
}

export function DropdownMenuLabel({ className, ...rest }: React.ComponentProps<typeof MenuPrimitive.Label>) {
  return <MenuPrimitive.Label className={cn("px-2 py-1.5 text-xs font-semibold text-zinc-600 dark:text-zinc-400", className)} {...rest} />;
}

export function DropdownMenuSeparator() {
  return <MenuPrimitive.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />;
}
