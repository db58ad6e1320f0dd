using Platform.EmbeddedKafka;

// Stand-alone embedded broker: `dotnet run --project tools/Platform.EmbeddedKafka -- --brokers 3
// --topic cost-sharing.events.v1 --bootstrap-file .local/kafka.bootstrap`. It prints the bootstrap
// address, writes it to the file for other processes, and runs until Ctrl+C.
var options = BrokerOptions.Parse(args);
using var broker = EmbeddedKafkaBroker.Start(options.Brokers);
foreach (var topic in options.Topics)
{
    broker.CreateTopic(topic, options.Partitions);
}

if (options.BootstrapFile is { } file)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
    await File.WriteAllTextAsync(file, broker.BootstrapServers);
}

Console.WriteLine($"Embedded Kafka broker ({options.Brokers} brokers) at {broker.BootstrapServers}");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

internal sealed record BrokerOptions(int Brokers, int Partitions, IReadOnlyList<string> Topics, string? BootstrapFile)
{
    public static BrokerOptions Parse(string[] args)
    {
        int brokers = 1, partitions = 4;
        string? file = null;
        var topics = new List<string>();
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--brokers": brokers = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--partitions": partitions = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--topic": topics.Add(args[i + 1]); break;
                case "--bootstrap-file": file = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        return new BrokerOptions(brokers, partitions, topics, file);
    }
}
