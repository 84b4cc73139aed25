namespace KkkCompetition.Web.Api;

/// <summary>The REST API: one endpoint group per resource, each in its own file, all under /api/v1.</summary>
public static class ApiV1
{
    /// <summary>JSON bodies larger than this are refused with 400 (uploads get their own limit).</summary>
    public const long MaxJsonBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuditEndpoints();
        api.MapCompetitionEndpoints();
        api.MapReferenceDataEndpoints();
        api.MapDashboardEndpoints();
        api.MapNotificationEndpoints();
        api.MapOutboxEndpoints();
        api.MapReminderRuleEndpoints();
        api.MapTemplateEndpoints();
        api.MapClusterEndpoints();
        api.MapApplicationEndpoints();
        app.MapApplicationFiles();
        api.MapFormalReviewEndpoints();
        api.MapExpertEndpoints();
        api.MapRankingEndpoints(root: app);
        api.MapScoringEndpoints();
        api.MapAssignmentEndpoints();
        api.MapConflictEndpoints();
        api.MapProgrammeEndpoints();
        api.MapDecisionsEndpoints();
        api.MapRegistryEndpoints();
        app.MapAssignmentFiles();
        api.MapCommissionEndpoints(root: app);
        api.MapAppealsEndpoints();
        api.MapAchievementEndpoints();
        api.MapBenchmarkEndpoints();
        api.MapContractEndpoints();
        api.MapReportEndpoints();
        app.MapReportFiles();
        api.MapPhaseEvaluationEndpoints();
        api.MapPhaseDecisionEndpoints();
        return app;
    }
}
