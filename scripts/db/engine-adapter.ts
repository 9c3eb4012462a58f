import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * Two gaps in @prisma/adapter-pg that only the schema engine hits, patched for its connections only:
 *
 * 1. PostgreSQL's one-byte type `"char"` (OID 18: pg_constraint.contype, pg_class.relkind, ...) is missing
 *    from the adapter's type map, so describing a database fails ("Column type 'char' could not be
 *    deserialized"). The client reports those columns as text to the adapter and remembers where they
 *    were; the adapter's answer then says `Character`, which is what the engine reads them as.
 * 2. The adapter runs a migration script by splitting it on every ";", which cuts a function body
 *    ($$ ... ; ... $$) or a comment in two. PostgreSQL runs a multi-statement script itself, in one
 *    implicit transaction, when it arrives as a single simple query: send it whole, as the native engine does.
 */
const PG_CHAR = 18;
const PG_TEXT = 25;
const charColumns = new WeakMap<unknown[], number[]>();

class CatalogClient extends pg.Client {
  // pg's overloads do not survive a subclass; the shapes used here are (config) and (text, values, callback).
  query(...args: unknown[]): never {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as (e: unknown, r?: unknown) => void) : null;
    const pending = (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args).then((result) => {
      const columns = (result.fields ?? []).flatMap((field, index) => (field.dataTypeID === PG_CHAR ? [index] : []));
      for (const index of columns) result.fields[index].dataTypeID = PG_TEXT;
      if (columns.length > 0 && Array.isArray(result.rows)) charColumns.set(result.rows, columns);
      return result;
    });
    if (!callback) return pending as never;
    pending.then(
      (result) => callback(null, result),
      (error: unknown) => callback(error),
    );
    return undefined as never;
  }
}

class MigrationPg extends PrismaPg {
  /** The pools this factory opened: the engine never closes them, and one holds its migration lock. */
  readonly pools: pg.Pool[] = [];

  async connect() {
    const adapter = await super.connect();
    this.pools.push(adapter.underlyingDriver());
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const resultSet = await queryRaw(query);
      for (const index of charColumns.get(resultSet.rows) ?? [])
        resultSet.columnTypes[index] = ColumnTypeEnum.Character;
      return resultSet;
    };
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // The adapter's own conversion into the error shape the engine understands.
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

/** The driver adapter factory for the schema engine, and a `close` that ends its connections. */
export function engineAdapterFactory(databaseUrl: string) {
  const adapter = new MigrationPg({ connectionString: databaseUrl, Client: CatalogClient } as pg.PoolConfig);
  return {
    factory: bindMigrationAwareSqlAdapterFactory(adapter),
    close: () => Promise.all(adapter.pools.map((pool) => pool.end())).then(() => undefined),
  };
}
