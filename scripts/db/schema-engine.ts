import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { engineAdapterFactory } from "./engine-adapter";

/**
 * Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm): the native engine that the CLI
 * downloads is unreachable here. Its package entry imports the .wasm as an ES module, which Node 20
 * cannot load, so it is instantiated by hand.
 */

export const schemaPath = path.resolve("prisma/schema.prisma");
export const migrationsDir = path.resolve("prisma/migrations");

type Wasm = typeof import("@prisma/schema-engine-wasm");
export type SchemaEngine = Awaited<ReturnType<Wasm["SchemaEngine"]["new"]>>;

/** The engine reports a Rust panic's message here before it throws; keep it for the error. */
const panics = {
  last: "",
  set_message(message: string) {
    this.last = message;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY = panics;

/** Scripts call this first: a panic inside the engine surfaces as an uncaught "unreachable" error. */
export function explainEnginePanics(): void {
  process.on("uncaughtException", (error) => {
    console.error(`[brisk] the schema engine failed: ${panics.last || error.message}`);
    process.exit(1);
  });
}

let loaded: Promise<Wasm> | undefined;

/** Instantiates the module once per process: a second instance would rebind the shared glue code. */
function loadWasm(): Promise<Wasm> {
  loaded ??= instantiateWasm();
  return loaded;
}

async function instantiateWasm(): Promise<Wasm> {
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Wasm & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const require = createRequire(__filename);
  const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
    "./schema_engine_bg.js": glue as never,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** Runs `work` with the engine open on a database, then frees it and closes its connections. */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const wasm = await loadWasm();
  const { factory, close } = engineAdapterFactory(databaseUrl);
  const logs = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  const engine = await wasm.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    logs,
    factory,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await close();
  }
}
