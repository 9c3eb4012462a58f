import { buildIfChanged } from "./build-if-changed";
import { prepareStore } from "./prepare";
import { serve } from "./serve";

/** `npm start`: provisions, migrates, seeds an empty store, builds when sources changed, serves. */
prepareStore()
  .then(() => {
    buildIfChanged();
    return serve("start");
  })
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
