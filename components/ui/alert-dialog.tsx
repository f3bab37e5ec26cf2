"use client";

import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import { cn } from "./cn";
import { overlayClass, panelClass } from "./dialog-styles";
import { useReturnFocus } from "./return-focus";

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;
export const AlertDialogCancel = AlertDialogPrimitive.Cancel;

type ContentProps = Omit<React.ComponentProps<typeof AlertDialogPrimitive.Content>, "title"> & { title: React.ReactNode; description: React.ReactNode };

/** A dialog that asks before something that cannot be undone: it does not close on an outside click. */
export function AlertDialogContent({ title, description, className, children, onCloseAutoFocus, ...rest }: ContentProps) {
  const returnFocus = useReturnFocus();
  return (
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay className={overlayClass} />
      <AlertDialogPrimitive.Content
        className={cn(panelClass, className)}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (!event.defaultPrevented) returnFocus(event);
        }}
        {...rest}
      >
        <AlertDialogPrimitive.Title className="text-lg font-semibold">{title}</AlertDialogPrimitive.Title>
        <AlertDialogPrimitive.Description asChild>
          <div className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>
        </AlertDialogPrimitive.Description>
        {children}
      </AlertDialogPrimitive.Content>
    </AlertDialogPrimitive.Portal>
  );
}
