using KkkCompetition.Application.Common.Security;
using Mediator;

namespace KkkCompetition.Application.Users;

/// <summary>Who the caller is, as the product sees it: a person or a system integration.</summary>
[AnyAuthenticatedUser]
public sealed record GetMe : IQuery<MeDto>;

public sealed record MeDto(Guid? UserId, string Name, IReadOnlyList<string> Roles);

public sealed class GetMeHandler(ICurrentUser user) : IQueryHandler<GetMe, MeDto>
{
    public ValueTask<MeDto> Handle(GetMe query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new MeDto(user.UserId, user.UserName, user.Roles.Order(StringComparer.Ordinal).ToList()));
}
