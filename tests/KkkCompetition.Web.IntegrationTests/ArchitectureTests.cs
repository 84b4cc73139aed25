using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace KkkCompetition.Web.IntegrationTests;

/// <summary>Dependencies point inwards only: Web → Infrastructure → Application → Domain.</summary>
public sealed class ArchitectureTests
{
    private static readonly Architecture Architecture = new ArchLoader().LoadAssemblies(
        typeof(Domain.Common.Entity).Assembly,
        typeof(Application.DependencyInjection).Assembly,
        typeof(Infrastructure.DependencyInjection).Assembly,
        typeof(Program).Assembly).Build();

    private static IObjectProvider<IType> Layer(string name) => Types().That().ResideInNamespaceMatching($"^KkkCompetition\\.{name}(\\..*)?$").As(name);

    [Fact]
    public void Domain_depends_on_no_other_layer() =>
        Types().That().Are(Layer("Domain")).Should().NotDependOnAny(Types().That().Are(Layer("Application")).Or().Are(Layer("Infrastructure")).Or().Are(Layer("Web")))
            .Check(Architecture);

    [Fact]
    public void Application_depends_on_neither_infrastructure_nor_web() =>
        Types().That().Are(Layer("Application")).Should().NotDependOnAny(Types().That().Are(Layer("Infrastructure")).Or().Are(Layer("Web")))
            .Check(Architecture);

    [Fact]
    public void Infrastructure_does_not_depend_on_web() =>
        Types().That().Are(Layer("Infrastructure")).Should().NotDependOnAny(Types().That().Are(Layer("Web")))
            .Check(Architecture);

    [Fact]
    public void The_domain_references_no_framework_but_the_base_library()
    {
        var references = typeof(Domain.Common.Entity).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"the domain references {name}"));
    }
}
