#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded here. `prisma generate` only
# checks that this file exists; migrations run through the WebAssembly engine (scripts/db/migrate.ts).
echo "Brisk does not use Prisma's native schema engine: use npm run db:migrate / db:migration." >&2
exit 1
