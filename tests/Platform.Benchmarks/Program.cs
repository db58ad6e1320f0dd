using Platform.Benchmarks.CostSharing;
using Platform.Benchmarks.Gateway;
using Platform.Benchmarks.Messaging;

// Usage: dotnet run -c Release --project tests/Platform.Benchmarks -- messaging [events] [writers]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- allocation [affected cities] [lines per claim] [incidents]
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
    default:
        Console.Error.WriteLine($"Unknown benchmark '{suite}'. Known: messaging, gateway, allocation.");
        return 2;
}

return 0;
