import { buildPageCacheHandler } from "../build/page-cache-handler";
import { ensureLocalAuthEnv } from "./local-auth-env";
import { prepareStore } from "./prepare";
import { localOrigin, serve } from "./serve";

/** `npm run dev`: the same as `npm start`, with `next dev` (no build but the route cache's handler, which next.config.ts names). */
ensureLocalAuthEnv(localOrigin());
prepareStore()
  .then(buildPageCacheHandler)
  .then(() => serve("dev"))
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
