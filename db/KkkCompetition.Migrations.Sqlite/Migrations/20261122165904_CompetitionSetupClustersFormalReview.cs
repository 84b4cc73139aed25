using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KkkCompetition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CompetitionSetupClustersFormalReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_OwnerUserId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_CompetitionCriterion_CompetitionId",
                table: "CompetitionCriterion");

            migrationBuilder.DropIndex(
                name: "IX_Clusters_OrganisationId",
                table: "Clusters");

            migrationBuilder.AddColumn<string>(
                name: "AnnouncedSnapshot",
                table: "Competitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnnouncedSnapshotSha256",
                table: "Competitions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DraftRevision",
                table: "Competitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RulesVersion",
                table: "Competitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<Guid>(
                name: "CompetitionId",
                table: "CompetitionCriterion",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyEnablingTechnologies",
                table: "Clusters",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "LastImportAt",
                table: "Clusters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastImportMode",
                table: "Clusters",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastImportRows",
                table: "Clusters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionHash",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EligibilityRule",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NamePl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsPreChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCustom = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligibilityRule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligibilityRule_Competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_OwnerUserId",
                table: "Organisations",
                column: "OwnerUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionCriterion_CompetitionId_Code",
                table: "CompetitionCriterion",
                columns: new[] { "CompetitionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_OrganisationId",
                table: "Clusters",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClusterMembers_ClusterId_Name",
                table: "ClusterMembers",
                columns: new[] { "ClusterId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityRule_CompetitionId_Code",
                table: "EligibilityRule",
                columns: new[] { "CompetitionId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EligibilityRule");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_OwnerUserId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_CompetitionCriterion_CompetitionId_Code",
                table: "CompetitionCriterion");

            migrationBuilder.DropIndex(
                name: "IX_Clusters_OrganisationId",
                table: "Clusters");

            migrationBuilder.DropIndex(
                name: "IX_ClusterMembers_ClusterId_Name",
                table: "ClusterMembers");

            migrationBuilder.DropColumn(
                name: "AnnouncedSnapshot",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "AnnouncedSnapshotSha256",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "DraftRevision",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "RulesVersion",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "KeyEnablingTechnologies",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "LastImportAt",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "LastImportMode",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "LastImportRows",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "CorrectionHash",
                table: "Applications");

            migrationBuilder.AlterColumn<Guid>(
                name: "CompetitionId",
                table: "CompetitionCriterion",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_OwnerUserId",
                table: "Organisations",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionCriterion_CompetitionId",
                table: "CompetitionCriterion",
                column: "CompetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_OrganisationId",
                table: "Clusters",
                column: "OrganisationId");
        }
    }
}
