using Platform.Benchmarks.Messaging;

// Usage: dotnet run -c Release --project tests/Platform.Benchmarks -- messaging [events] [writers]
var suite = args.FirstOrDefault() ?? "messaging";
switch (suite)
{
    case "messaging":
        await MessagingThroughput.RunAsync(
            events: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
            writers: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{suite}'. Known: messaging.");
        return 2;
}

return 0;
