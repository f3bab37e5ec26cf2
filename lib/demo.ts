/** The demo people the seed creates and the development sign-in offers to pick. */
export const demoUsers = [
  { email: "alice@example.com", name: "Alice Martin", describes: "Owner of Acme Corp" },
  { email: "bob@example.com", name: "Bob Chen", describes: "Admin of Acme Corp, owner of Globex" },
  { email: "carol@example.com", name: "Carol Diaz", describes: "Developer at Acme Corp" },
  { email: "dave@example.com", name: "Dave Okafor", describes: "Viewer at Acme Corp" },
] as const;
