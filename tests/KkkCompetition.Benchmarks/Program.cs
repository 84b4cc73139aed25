using BenchmarkDotNet.Running;

// Run on demand, never in the test command:
//   dotnet run -c Release --project tests/KkkCompetition.Benchmarks -- --filter '*' --inProcess
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
