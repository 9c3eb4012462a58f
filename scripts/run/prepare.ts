import { setUpDatabase } from "../db/setup";
import { ensureServices } from "../services/ensure";

/** What `npm start` and `npm run dev` do before serving: services up, migrations applied, an empty store seeded. */
export async function prepareStore(): Promise<void> {
  await ensureServices();
  await setUpDatabase();
}
