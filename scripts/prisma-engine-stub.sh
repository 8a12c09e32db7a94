#!/bin/sh
# Stands in for Prisma's native schema engine, which the CLI would otherwise download at start-up.
# `prisma generate` never calls it; migrations are applied by scripts/migrate.ts and diffed offline.
exit 1
