import pg from "pg";

/**
 * Counts the queries PostgreSQL ran for the benchmark's database, on the server side: with
 * pg_stat_statements (which the project-local PostgreSQL preloads), else by committed transactions
 * in pg_stat_database (each of Prisma's statements outside a transaction is one).
 */
export class PostgresStats {
  private constructor(
    private readonly client: pg.Client,
    readonly source: "pg_stat_statements" | "pg_stat_database",
  ) {}

  static async open(url: string): Promise<PostgresStats> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      await client.query("SELECT pg_stat_statements_reset()");
      return new PostgresStats(client, "pg_stat_statements");
    } catch {
      return new PostgresStats(client, "pg_stat_database");
    }
  }

  /** Queries so far (other than these counting queries); `matching` narrows to statements whose text matches. */
  async queries(matching?: string): Promise<number> {
    if (this.source === "pg_stat_database") {
      const { rows } = await this.client.query(
        "SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()",
      );
      return Number(rows[0].n);
    }
    const { rows } = await this.client.query(
      `SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT ILIKE '%pg_stat%' AND ($1::text IS NULL OR query ILIKE $1)`,
      [matching ?? null],
    );
    return Number(rows[0].n);
  }

  /** Waits until PostgreSQL has been idle for `quietMs` (the previous scenario's queued requests drained). */
  async settle(quietMs = 500, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.queries();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const now = await this.queries();
      if (now === last) return;
      last = now;
    }
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
