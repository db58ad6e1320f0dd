using Platform.Benchmarks.Communication;
using Platform.Benchmarks.CostSharing;
using Platform.Benchmarks.Evaluation;
using Platform.Benchmarks.Fund;
using Platform.Benchmarks.Gateway;
using Platform.Benchmarks.Messaging;
using Platform.Benchmarks.Propagation;
using Platform.Benchmarks.Trust;

// Usage: dotnet run -c Release --project tests/Platform.Benchmarks -- messaging [events] [writers]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- gateway [rate] [concurrency] [seconds] [rounds]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- allocation [affected cities] [lines per claim] [incidents]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- fund [entries per round] [clients] [batch size] [rounds]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- evaluation [subjects] [criteria] [assessors] [rounds]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- trust [cities] [commitments] [peer reports] [runs]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- fanout [SSE clients] [cities] [rounds]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- propagation [cities] [incidents] [incidents per minute]
// The messaging suite appends BENCHMARK_CONNECTION_EXTRA (e.g. ";Max Auto Prepare=0") to its connection string, to compare
// connection settings side by side.
var suite = args.FirstOrDefault() ?? "messaging";
switch (suite)
{
    case "messaging":
        await MessagingThroughput.RunAsync(
            events: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
            writers: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8);
        break;
    case "gateway":
        await GatewayOverhead.RunAsync(args.Skip(1).ToArray());
        break;
    case "allocation":
        await AllocationBenchmark.RunAsync(
            affectedCities: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000,
            linesPerClaim: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
            incidents: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3);
        break;
    case "fund":
        await FundThroughput.RunAsync(
            entries: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000,
            clients: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 32,
            batchSize: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 500,
            rounds: args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 3);
        break;
    case "evaluation":
        await PublishBenchmark.RunAsync(
            subjects: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300,
            criteria: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 12,
            assessors: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 25,
            rounds: args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 3);
        break;
    case "trust":
        TrustRecomputeBenchmark.Run(
            cities: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500,
            commitments: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000,
            reports: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
            runs: args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 7);
        break;
    case "fanout":
        await FeedFanOut.RunAsync(
            clients: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000,
            cities: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
            rounds: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5);
        break;
    case "propagation":
        await PropagationBenchmark.RunAsync(
            cities: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
            incidents: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20,
            perMinute: args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{suite}'. Known: messaging, gateway, allocation, fund, evaluation, fanout, trust, propagation.");
        return 2;
}

return 0;
