using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KkkCompetition.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeContractsAndKpiReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    PhaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KkkStatusId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClusterName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CoordinatorName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CoordinatorNip = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    VoivodeshipTeryt = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    KisCodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RegionParty = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    ResponsibleOfficialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CoordinatorSignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CoordinatorSignedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    StatusReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AchievementPercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    AchievementReports = table.Column<int>(type: "int", nullable: false),
                    AchievementUpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Terms_AnnualDueDay = table.Column<int>(type: "int", nullable: false),
                    Terms_AnnualDueMonth = table.Column<int>(type: "int", nullable: false),
                    Terms_FinalDueDays = table.Column<int>(type: "int", nullable: false),
                    Terms_JustificationBelowPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeContracts_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeContracts_KkkStatuses_KkkStatusId",
                        column: x => x.KkkStatusId,
                        principalTable: "KkkStatuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeContracts_ProgrammePhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "ProgrammePhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AnnualDueMonth = table.Column<int>(type: "int", nullable: false),
                    AnnualDueDay = table.Column<int>(type: "int", nullable: false),
                    FinalDueDays = table.Column<int>(type: "int", nullable: false),
                    JustificationBelowPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    GreenFromPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    AmberFromPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContractAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    BasedOnVersion = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ResultingVersion = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Targets = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractAmendments_ProgrammeContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "ProgrammeContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Kpis = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Targets = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractVersions_ProgrammeContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "ProgrammeContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KpiReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Narrative = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    ReviewComment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReturnCount = table.Column<int>(type: "int", nullable: false),
                    FirstSubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DaysLate = table.Column<int>(type: "int", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Disbursements = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Lines = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReports_ProgrammeContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "ProgrammeContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiReportEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReportEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReportEvidence_KpiReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "KpiReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractAmendments_ContractId_Number",
                table: "ContractAmendments",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractAmendments_State_ProposedAt",
                table: "ContractAmendments",
                columns: new[] { "State", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractVersions_ContractId_Number",
                table: "ContractVersions",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiReportEvidence_ReportId",
                table: "KpiReportEvidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReports_ContractId_Kind_Year",
                table: "KpiReports",
                columns: new[] { "ContractId", "Kind", "Year" },
                unique: true,
                filter: "[Year] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReports_Status_DueOn",
                table: "KpiReports",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeContracts_ClusterId",
                table: "ProgrammeContracts",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeContracts_KkkStatusId",
                table: "ProgrammeContracts",
                column: "KkkStatusId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeContracts_Number",
                table: "ProgrammeContracts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeContracts_PhaseId_ClusterId",
                table: "ProgrammeContracts",
                columns: new[] { "PhaseId", "ClusterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeContracts_Status_VoivodeshipTeryt",
                table: "ProgrammeContracts",
                columns: new[] { "Status", "VoivodeshipTeryt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractAmendments");

            migrationBuilder.DropTable(
                name: "ContractVersions");

            migrationBuilder.DropTable(
                name: "KpiReportEvidence");

            migrationBuilder.DropTable(
                name: "ProgrammeSettings");

            migrationBuilder.DropTable(
                name: "KpiReports");

            migrationBuilder.DropTable(
                name: "ProgrammeContracts");
        }
    }
}
