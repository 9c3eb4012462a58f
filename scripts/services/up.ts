import { ensureServices } from "./ensure";
import { log } from "./shell";

/** `npm run services:start`: installs and starts what is missing, then says where everything is. */
ensureServices()
  .then(() => log("PostgreSQL and Redis are up"))
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
