import { stopLocalPostgres } from "./postgres";
import { stopLocalRedis } from "./redis";
import { log } from "./shell";

/** `npm run services:stop`: stops the services this project started, and nothing else. */
const stopped = [stopLocalPostgres() && "PostgreSQL", stopLocalRedis() && "Redis"].filter(Boolean);
log(stopped.length > 0 ? `stopped ${stopped.join(" and ")}` : "no project-local service was running");
