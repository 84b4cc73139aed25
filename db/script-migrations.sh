#!/usr/bin/env bash
# Regenerates db/scripts/*.sql (idempotent) from the migrations; a test fails when they lag.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project db/KkkCompetition.Migrations.SqlServer --startup-project db/KkkCompetition.Migrations.SqlServer -o db/scripts/sqlserver.sql
dotnet ef migrations script --idempotent --project db/KkkCompetition.Migrations.PostgreSql --startup-project db/KkkCompetition.Migrations.PostgreSql -o db/scripts/postgresql.sql
