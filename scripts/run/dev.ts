import { prepareStore } from "./prepare";
import { serve } from "./serve";

/** `npm run dev`: the same as `npm start`, with `next dev` (no build). */
prepareStore()
  .then(() => serve("dev"))
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
