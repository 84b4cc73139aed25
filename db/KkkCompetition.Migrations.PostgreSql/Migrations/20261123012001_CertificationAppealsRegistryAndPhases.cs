using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KkkCompetition.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CertificationAppealsRegistryAndPhases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvaluationResults_ApplicationId",
                table: "EvaluationResults");

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "ExpertAssignments",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "EvaluationResults",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SupersededAt",
                table: "EvaluationResults",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealRuledBy",
                table: "Competitions",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Official");

            migrationBuilder.AddColumn<Guid>(
                name: "ProgrammePhaseId",
                table: "Competitions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReEvaluationExperts",
                table: "Competitions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EvaluationRound",
                table: "Applications",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "CertificationDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResolutionNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Justification = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    VotesFor = table.Column<int>(type: "integer", nullable: false),
                    VotesAgainst = table.Column<int>(type: "integer", nullable: false),
                    VotesAbstained = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredBy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    AppealWindowDays = table.Column<int>(type: "integer", nullable: false),
                    AppealDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificationDecisions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationDecisions_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationDecisions_Competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommissionMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    VoivodeshipTeryt = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AffiliationNips = table.Column<List<string>>(type: "text[]", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionMembers_Competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommissionVotings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ResolutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Items = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionVotings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionVotings_Competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammePhases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammePhases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LodgedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    LodgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Statement = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RuledAs = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RuledBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RuledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RulingReasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReEvaluationResultId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReEvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Grounds = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appeals_CertificationDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CertificationDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appeals_Competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KkkStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ClusterName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CoordinatorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CoordinatorNip = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    VoivodeshipTeryt = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    KisCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EndedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KkkStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KkkStatuses_CertificationDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CertificationDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KkkStatuses_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommissionResolutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VotingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Outcomes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionResolutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionResolutions_CommissionVotings_VotingId",
                        column: x => x.VotingId,
                        principalTable: "CommissionVotings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionResolutions_Competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommissionVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VotingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionVotes_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionVotes_CommissionMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CommissionMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionVotes_CommissionVotings_VotingId",
                        column: x => x.VotingId,
                        principalTable: "CommissionVotings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_ApplicationId_Round",
                table: "EvaluationResults",
                columns: new[] { "ApplicationId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Competitions_ProgrammePhaseId",
                table: "Competitions",
                column: "ProgrammePhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ApplicationId",
                table: "Appeals",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_CompetitionId_LodgedAt",
                table: "Appeals",
                columns: new[] { "CompetitionId", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_DecisionId",
                table: "Appeals",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_State_LodgedAt",
                table: "Appeals",
                columns: new[] { "State", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationDecisions_ApplicationId_DecidedAt",
                table: "CertificationDecisions",
                columns: new[] { "ApplicationId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationDecisions_ClusterId",
                table: "CertificationDecisions",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationDecisions_CompetitionId",
                table: "CertificationDecisions",
                column: "CompetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationDecisions_ResolutionId",
                table: "CertificationDecisions",
                column: "ResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionMembers_CompetitionId_UserId",
                table: "CommissionMembers",
                columns: new[] { "CompetitionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionMembers_UserId",
                table: "CommissionMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionResolutions_CompetitionId_ResolvedOn",
                table: "CommissionResolutions",
                columns: new[] { "CompetitionId", "ResolvedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionResolutions_Number",
                table: "CommissionResolutions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionResolutions_VotingId",
                table: "CommissionResolutions",
                column: "VotingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionResolutions_Year_Sequence",
                table: "CommissionResolutions",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionVotes_ApplicationId",
                table: "CommissionVotes",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionVotes_MemberId",
                table: "CommissionVotes",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionVotes_VotingId_ApplicationId_MemberId",
                table: "CommissionVotes",
                columns: new[] { "VotingId", "ApplicationId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionVotings_CompetitionId_Status",
                table: "CommissionVotings",
                columns: new[] { "CompetitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_KkkStatuses_CertificateNumber",
                table: "KkkStatuses",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KkkStatuses_ClusterId_ValidFrom",
                table: "KkkStatuses",
                columns: new[] { "ClusterId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_KkkStatuses_DecisionId",
                table: "KkkStatuses",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KkkStatuses_State_ValidTo",
                table: "KkkStatuses",
                columns: new[] { "State", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_KkkStatuses_VoivodeshipTeryt_State",
                table: "KkkStatuses",
                columns: new[] { "VoivodeshipTeryt", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammePhases_Number",
                table: "ProgrammePhases",
                column: "Number",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Competitions_ProgrammePhases_ProgrammePhaseId",
                table: "Competitions",
                column: "ProgrammePhaseId",
                principalTable: "ProgrammePhases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Competitions_ProgrammePhases_ProgrammePhaseId",
                table: "Competitions");

            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "CommissionResolutions");

            migrationBuilder.DropTable(
                name: "CommissionVotes");

            migrationBuilder.DropTable(
                name: "KkkStatuses");

            migrationBuilder.DropTable(
                name: "ProgrammePhases");

            migrationBuilder.DropTable(
                name: "CommissionMembers");

            migrationBuilder.DropTable(
                name: "CommissionVotings");

            migrationBuilder.DropTable(
                name: "CertificationDecisions");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationResults_ApplicationId_Round",
                table: "EvaluationResults");

            migrationBuilder.DropIndex(
                name: "IX_Competitions_ProgrammePhaseId",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "ExpertAssignments");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "EvaluationResults");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "EvaluationResults");

            migrationBuilder.DropColumn(
                name: "AppealRuledBy",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "ProgrammePhaseId",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "ReEvaluationExperts",
                table: "Competitions");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EvaluationRound",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_ApplicationId",
                table: "EvaluationResults",
                column: "ApplicationId",
                unique: true);
        }
    }
}
