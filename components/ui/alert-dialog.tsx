"use client";

import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import { cn } from "./cn";
import { overlayClass, panelClass } from "./dialog-styles";

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;
export const AlertDialogCancel = AlertDialogPrimitive.Cancel;

type ContentProps = Omit<React.ComponentProps<typeof AlertDialogPrimitive.Content>, "title"> & { title: React.ReactNode; description: React.ReactNode };

/** A dialog that asks before something that cannot be undone: it does not close on an outside click. */
export function AlertDialogContent({ title, description, className, children, ...rest }: ContentProps) {
  return (
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay className={overlayClass} />
      <AlertDialogPrimitive.Content className={cn(panelClass, className)} {...rest}>
        <AlertDialogPrimitive.Title className="text-lg font-semibold">{title}</AlertDialogPrimitive.Title>
        <AlertDialogPrimitive.Description asChild>
          <div className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>
        </AlertDialogPrimitive.Description>
        {children}
      </AlertDialogPrimitive.Content>
    </AlertDialogPrimitive.Portal>
  );
}
