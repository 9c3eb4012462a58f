import { currentUser } from "../auth/current-user";
import { StateUnavailableError } from "../redis/state";

/** Who is looking at an order page: the signed-in user if Redis can say (a guest's token works regardless). */
export async function currentOrderViewerId(): Promise<string | null> {
  try {
    return (await currentUser())?.user.id ?? null;
  } catch (error) {
    if (error instanceof StateUnavailableError) return null;
    throw error;
  }
}
