using Microsoft.Data.Sqlite;

namespace KkkCompetition.Testing;

/// <summary>A SQLite database in a temporary file, deleted (with its WAL files) on dispose.</summary>
public sealed class SqliteTempDatabase : IDisposable
{
    public SqliteTempDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"kkk-test-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30, Pooling = true }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
