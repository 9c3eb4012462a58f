import { buildIfChanged } from "./build-if-changed";
import { ensureLocalAuthEnv } from "./local-auth-env";
import { prepareStore } from "./prepare";
import { localOrigin, serve } from "./serve";

/** `npm start`: provisions, migrates, seeds an empty store, builds when sources changed, serves. */
ensureLocalAuthEnv(localOrigin());
prepareStore()
  .then(() => {
    buildIfChanged();
    return serve("start");
  })
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
