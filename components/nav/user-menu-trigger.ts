export type MenuUser = { name: string | null; email: string };

export const userMenuTriggerClass = "flex shrink-0 items-center gap-1 rounded-full p-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800";

export const userMenuLabel = (user: MenuUser) => `Account menu, signed in as ${user.name ?? user.email}`;
