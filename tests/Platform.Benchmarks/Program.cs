using Platform.Benchmarks.Gateway;
using Platform.Benchmarks.Messaging;

// Usage: dotnet run -c Release --project tests/Platform.Benchmarks -- messaging [events] [writers]
//        dotnet run -c Release --project tests/Platform.Benchmarks -- gateway [rate] [concurrency] [seconds] [rounds]
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
    default:
        Console.Error.WriteLine($"Unknown benchmark '{suite}'. Known: messaging, gateway.");
        return 2;
}

return 0;
