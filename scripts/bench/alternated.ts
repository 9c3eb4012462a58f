import { runWrk } from "./wrk";

/**
 * The product API against the floor, alternated: floor, API, floor, API… `npm run bench`'s rows run one after
 * the other, minutes apart, and a shared machine's speed drifts over minutes (one run here put the home page
 * from the route cache at 1.36x the floor measured before it): a drift falls on both of a round alike. The
 * ratio reported is the median of the rounds' ratios.
 */

const ROUNDS = 5;
const SECONDS = 10;

export interface Alternated {
  seconds: number;
  /** Requests/s of each round (wrk). */
  rounds: { floor: number; api: number }[];
}

export async function runAlternated(options: {
  origin: string;
  floorFile: string;
  apiFile: string;
  connections: number;
  log: (message: string) => void;
}): Promise<Alternated> {
  const { origin, connections } = options;
  const run = async (pathsFile: string) => (await runWrk({ origin, pathsFile, connections, seconds: SECONDS })).rps;
  const rounds: Alternated["rounds"] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [floor, api] = [await run(options.floorFile), await run(options.apiFile)];
    options.log(`alternated round ${round + 1}: floor ${floor.toFixed(0)} req/s, product API ${api.toFixed(0)} req/s`);
    rounds.push({ floor, api });
  }
  return { seconds: SECONDS, rounds };
}

/** The report's words for the rounds: the median of their ratios, and each round. */
export function alternatedText({ seconds, rounds }: Alternated): string {
  const ratios = rounds.map(({ floor, api }) => api / floor);
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  const each = rounds.map(({ floor, api }, i) => `${api.toFixed(0)}/${floor.toFixed(0)} = ${ratios[i].toFixed(2)}x`);
  return `${rounds.length} rounds of ${seconds} s of the floor, then ${seconds} s of the API, wrk): median **${median.toFixed(2)}x**; rounds: ${each.join(", ")}`;
}
