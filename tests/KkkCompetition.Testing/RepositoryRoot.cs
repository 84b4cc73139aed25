namespace KkkCompetition.Testing;

/// <summary>The checkout the tests run from: the nearest folder above the binaries that holds KkkCompetition.sln.</summary>
public static class RepositoryRoot
{
    public static string Find(string? from = null)
    {
        for (var dir = new DirectoryInfo(from ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KkkCompetition.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No KkkCompetition.sln above {from ?? AppContext.BaseDirectory}.");
    }
}
