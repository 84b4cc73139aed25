#!/usr/bin/env bash
# Adds a migration NAME to every provider and regenerates the idempotent scripts for DBAs.
# Usage: db/new-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: db/new-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=db/KkkCompetition.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
db/script-migrations.sh
