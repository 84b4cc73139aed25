using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KkkCompetition.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PhaseEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EvaluationLeadDays",
                table: "ProgrammeSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PhaseEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseNumber = table.Column<int>(type: "integer", nullable: false),
                    PhaseEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CommissionCompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuantitativeWeightPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Criteria = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseEvaluations_Competitions_CommissionCompetitionId",
                        column: x => x.CommissionCompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhaseEvaluations_ProgrammePhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "ProgrammePhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseEvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    KkkStatusId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ClusterName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    VoivodeshipTeryt = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QuantitativePercent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    AcceptedReports = table.Column<int>(type: "integer", nullable: false),
                    QuantitativeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EvaluatorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    QualitativePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverallPercent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Decision = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    DecisionJustification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RemediationItems = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CommissionRefusedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    MissingReports = table.Column<string>(type: "jsonb", nullable: false),
                    Scores = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvaluations_KkkStatuses_KkkStatusId",
                        column: x => x.KkkStatusId,
                        principalTable: "KkkStatuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractEvaluations_PhaseEvaluations_PhaseEvaluationId",
                        column: x => x.PhaseEvaluationId,
                        principalTable: "PhaseEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractEvaluations_ProgrammeContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "ProgrammeContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PhaseDecisionVotings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseEvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommissionCompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    EvaluationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseDecisionVotings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionVotings_Competitions_CommissionCompetitionId",
                        column: x => x.CommissionCompetitionId,
                        principalTable: "Competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionVotings_PhaseEvaluations_PhaseEvaluationId",
                        column: x => x.PhaseEvaluationId,
                        principalTable: "PhaseEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PhaseDecisionVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VotingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseDecisionVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionVotes_CommissionMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CommissionMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionVotes_ContractEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "ContractEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionVotes_PhaseDecisionVotings_VotingId",
                        column: x => x.VotingId,
                        principalTable: "PhaseDecisionVotings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvaluations_ClusterId",
                table: "ContractEvaluations",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvaluations_ContractId",
                table: "ContractEvaluations",
                column: "ContractId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvaluations_EvaluatorUserId",
                table: "ContractEvaluations",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvaluations_KkkStatusId",
                table: "ContractEvaluations",
                column: "KkkStatusId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvaluations_PhaseEvaluationId_Status",
                table: "ContractEvaluations",
                columns: new[] { "PhaseEvaluationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionVotes_EvaluationId",
                table: "PhaseDecisionVotes",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionVotes_MemberId",
                table: "PhaseDecisionVotes",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionVotes_VotingId_EvaluationId_MemberId",
                table: "PhaseDecisionVotes",
                columns: new[] { "VotingId", "EvaluationId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionVotings_CommissionCompetitionId_Status",
                table: "PhaseDecisionVotings",
                columns: new[] { "CommissionCompetitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionVotings_PhaseEvaluationId_Status",
                table: "PhaseDecisionVotings",
                columns: new[] { "PhaseEvaluationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseEvaluations_CommissionCompetitionId",
                table: "PhaseEvaluations",
                column: "CommissionCompetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseEvaluations_PhaseId",
                table: "PhaseEvaluations",
                column: "PhaseId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhaseDecisionVotes");

            migrationBuilder.DropTable(
                name: "ContractEvaluations");

            migrationBuilder.DropTable(
                name: "PhaseDecisionVotings");

            migrationBuilder.DropTable(
                name: "PhaseEvaluations");

            migrationBuilder.DropColumn(
                name: "EvaluationLeadDays",
                table: "ProgrammeSettings");
        }
    }
}
