using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Experts;

/// <summary>Takes an expert out of the pool: the history stays, no new assignments (officials). Twice is 409 <c>expert.already_inactive</c>.</summary>
[AllowedRoles(Roles.Official)]
public sealed record DeactivateExpert(Guid ExpertId, int Version) : ICommand<ExpertDto>;

/// <summary>Puts an expert back into the pool, as invited or active as before (officials). One in the pool is 409 <c>expert.not_inactive</c>.</summary>
[AllowedRoles(Roles.Official)]
public sealed record ReactivateExpert(Guid ExpertId, int Version) : ICommand<ExpertDto>;

public sealed class DeactivateExpertValidator : AbstractValidator<DeactivateExpert>
{
    public DeactivateExpertValidator()
    {
        RuleFor(x => x.ExpertId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ReactivateExpertValidator : AbstractValidator<ReactivateExpert>
{
    public ReactivateExpertValidator()
    {
        RuleFor(x => x.ExpertId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class DeactivateExpertHandler(IAppDbContext db) : ICommandHandler<DeactivateExpert, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(DeactivateExpert command, CancellationToken cancellationToken)
    {
        var expert = await ExpertStatusChange.FindAsync(db, command.ExpertId, command.Version, cancellationToken);
        expert.Deactivate();
        return ExpertDto.From(expert, expert.Version + 1);
    }
}

public sealed class ReactivateExpertHandler(IAppDbContext db) : ICommandHandler<ReactivateExpert, ExpertDto>
{
    public async ValueTask<ExpertDto> Handle(ReactivateExpert command, CancellationToken cancellationToken)
    {
        var expert = await ExpertStatusChange.FindAsync(db, command.ExpertId, command.Version, cancellationToken);
        expert.Reactivate();
        return ExpertDto.From(expert, expert.Version + 1);
    }
}

internal static class ExpertStatusChange
{
    public static async Task<Expert> FindAsync(IAppDbContext db, Guid expertId, int version, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == expertId, cancellationToken)
            ?? throw new NotFoundException(nameof(Expert), expertId);
        db.ExpectVersion(expert, version);
        return expert;
    }
}
