// The members and invitations tables: the kit's table (styled once in globals.css) plus the
// members' email line, also styled once here rather than on each row.
export const lightTableClass = "data-table [&_[data-email]]:break-all [&_[data-email]]:text-zinc-600 dark:[&_[data-email]]:text-zinc-400";
