"use client";

import { Command as CommandPrimitive } from "cmdk";
import { cn } from "./cn";
import { SearchIcon } from "./icons";

// cmdk, styled once. Lists filtered on the server pass `shouldFilter={false}` to Command.

export function Command({ className, ...rest }: React.ComponentProps<typeof CommandPrimitive>) {
  return <CommandPrimitive className={cn("flex flex-col text-sm", className)} {...rest} />;
}

export function CommandInput({ className, ...rest }: React.ComponentProps<typeof CommandPrimitive.Input>) {
  return (
    <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-700">
      <SearchIcon className="size-4 shrink-0 text-zinc-500" />
      <CommandPrimitive.Input className={cn("h-10 w-full bg-transparent text-sm outline-none placeholder:text-zinc-500", className)} {...rest} />
    </div>
  );
}

export function CommandList({ className, ...rest }: React.ComponentProps<typeof CommandPrimitive.List>) {
  return <CommandPrimitive.List className={cn("max-h-80 overflow-y-auto overscroll-contain p-1", className)} {...rest} />;
}

export function CommandEmpty(props: React.ComponentProps<typeof CommandPrimitive.Empty>) {
  return <CommandPrimitive.Empty className="px-3 py-6 text-center text-zinc-600 dark:text-zinc-400" {...props} />;
}

export function CommandGroup({ className, ...rest }: React.ComponentProps<typeof CommandPrimitive.Group>) {
  return (
    <CommandPrimitive.Group
      className={cn("[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-zinc-600 dark:[&_[cmdk-group-heading]]:text-zinc-400", className)}
      {...rest}
    />
  );
}

export function CommandItem({ className, ...rest }: React.ComponentProps<typeof CommandPrimitive.Item>) {
  return (
    <CommandPrimitive.Item
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 select-none data-[disabled=true]:cursor-not-allowed data-[disabled=true]:opacity-50 data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800",
        className,
      )}
      {...rest}
    />
  );
}

export function CommandSeparator() {
  return <CommandPrimitive.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />;
}
