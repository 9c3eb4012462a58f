import { grantAdmin } from "../../lib/auth/admin";
import { db } from "../../lib/db";

/** `npm run admin:grant -- <email>`: gives that user the back office (the ADMIN role) in DATABASE_URL's store. */
async function main(): Promise<void> {
  const email = process.argv[2];
  if (!email || process.argv.length > 3) throw new Error("usage: npm run admin:grant -- <email>");
  const granted = await grantAdmin(email);
  const made = granted.created ? " (a new user: they sign in with the e-mail code)" : "";
  console.log(`[brisk] ${granted.email} is an admin${made}`);
}

main()
  .catch((error: Error) => {
    console.error(`[brisk] admin:grant failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
