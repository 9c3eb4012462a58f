import { ensureLocalAuthEnv } from "./local-auth-env";
import { prepareStore } from "./prepare";
import { localOrigin, serve } from "./serve";

/** `npm run dev`: the same as `npm start`, with `next dev` (no build). */
ensureLocalAuthEnv(localOrigin());
prepareStore()
  .then(() => serve("dev"))
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
