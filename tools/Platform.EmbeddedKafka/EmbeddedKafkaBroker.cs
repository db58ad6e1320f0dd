using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.EmbeddedKafka;

/// <summary>
/// A Kafka-protocol broker in this process: librdkafka's mock cluster, reached over TCP on 127.0.0.1
/// by any Kafka client in any process. For development and tests only: it keeps everything in memory
/// and trims each partition at 5 MiB (environment.md).
/// </summary>
public sealed unsafe class EmbeddedKafkaBroker : IDisposable
{
    private const int ProducerType = 0;
    private readonly Lock _gate = new();
    private nint _handle;
    private nint _cluster;

    /// <summary>Ports of brokers that are down, held so no outgoing connection takes them (<see cref="SetBrokerDown"/>).</summary>
    private readonly Dictionary<int, Socket> _held = [];

    private EmbeddedKafkaBroker(nint handle, nint cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = NativeLibrdkafka.MockClusterBootstraps(cluster);
    }

    /// <summary>The comma-separated <c>host:port</c> list clients use as <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>Starts a mock cluster of <paramref name="brokerCount"/> brokers on ephemeral loopback ports.</summary>
    public static EmbeddedKafkaBroker Start(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        var conf = NativeLibrdkafka.ConfNew();
        var errstr = stackalloc byte[512];
        // The handle only owns the cluster and never connects anywhere: without this it warns at every
        // start that it has no bootstrap.servers. Errors (level 3) still reach stderr.
        NativeLibrdkafka.ConfSet(conf, "log_level", "3", errstr, 512);
        var handle = NativeLibrdkafka.New(ProducerType, conf, errstr, 512);
        if (handle == 0)
        {
            throw new InvalidOperationException(
                "rd_kafka_new failed: " + Encoding.UTF8.GetString(errstr, IndexOfNul(errstr, 512)));
        }

        var cluster = NativeLibrdkafka.MockClusterNew(handle, brokerCount);
        if (cluster == 0)
        {
            NativeLibrdkafka.Destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        // The mock waits 3 s before the first rebalance of a group, like a real broker's
        // group.initial.rebalance.delay.ms; locally and in tests nobody gains from that wait.
        NativeLibrdkafka.MockGroupInitialRebalanceDelay(cluster, 0);
        return new EmbeddedKafkaBroker(handle, cluster, brokerCount);
    }

    /// <summary>Creates a topic; creating one that exists is harmless.</summary>
    public void CreateTopic(string name, int partitions = 4, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var rf = Math.Min(replicationFactor, BrokerCount);
        var error = NativeLibrdkafka.MockTopicCreate(Cluster(), name, partitions, rf);
        // RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS (36) is not an error for callers that create on every start.
        if (error != 0 && error != 36)
        {
            throw new InvalidOperationException($"Creating topic '{name}' failed with librdkafka error {error}.");
        }
    }

    /// <summary>Takes one broker (1-based id) down: its connections close and it refuses new ones.</summary>
    /// <remarks>
    /// Implementation note: a broker that is down has closed its listener, and comes back on the same port, which the
    /// kernel picked from the ephemeral range where every outgoing connection of the run takes its local port. One that
    /// took the port meanwhile made the broker's restart fail, and librdkafka then aborts the whole process ("Failed to
    /// bind mock broker socket"). While it is down the port is bound here without listening: clients are still
    /// refused, and the kernel hands a bound port to no outgoing connection.
    /// </remarks>
    public void SetBrokerDown(int brokerId)
    {
        Check(NativeLibrdkafka.MockBrokerSetDown(Cluster(), brokerId), "set down");
        lock (_held)
        {
            if (!_held.ContainsKey(brokerId) && Hold(PortOf(brokerId)) is { } socket)
            {
                _held[brokerId] = socket;
            }
        }
    }

    public void SetBrokerUp(int brokerId)
    {
        lock (_held)
        {
            if (_held.Remove(brokerId, out var socket))
            {
                socket.Dispose();
            }
        }

        Check(NativeLibrdkafka.MockBrokerSetUp(Cluster(), brokerId), "set up");
    }

    /// <summary>Takes every broker down, as when the whole Kafka cluster is unreachable.</summary>
    public void SetAllBrokersDown()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerDown(id);
        }
    }

    public void SetAllBrokersUp()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerUp(id);
        }
    }

    /// <summary>Adds a round-trip delay to every request one broker serves.</summary>
    public void SetRoundTripDelay(int brokerId, TimeSpan delay) =>
        Check(NativeLibrdkafka.MockBrokerSetRtt(Cluster(), brokerId, (int)delay.TotalMilliseconds), "set rtt");

    /// <summary>Makes the next requests of one API (e.g. Produce = 0) fail with the given Kafka error codes, in order.</summary>
    public void PushRequestErrors(KafkaApiKey api, params int[] errorCodes) =>
        NativeLibrdkafka.MockPushRequestErrors(Cluster(), (short)api, errorCodes);

    public void ClearRequestErrors(KafkaApiKey api) => NativeLibrdkafka.MockClearRequestErrors(Cluster(), (short)api);

    public void Dispose()
    {
        lock (_held)
        {
            foreach (var socket in _held.Values)
            {
                socket.Dispose();
            }

            _held.Clear();
        }

        lock (_gate)
        {
            if (_cluster != 0)
            {
                NativeLibrdkafka.MockClusterDestroy(_cluster);
                _cluster = 0;
            }

            if (_handle != 0)
            {
                NativeLibrdkafka.Destroy(_handle);
                _handle = 0;
            }
        }
    }

    private nint Cluster()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == 0, this);
            return _cluster;
        }
    }

    /// <summary>The port of broker <paramref name="brokerId"/>: the bootstrap list names the brokers in id order.</summary>
    private int PortOf(int brokerId)
    {
        var address = BootstrapServers.Split(',')[brokerId - 1];
        return int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Binds <paramref name="port"/> on loopback without listening; null when that is not possible (then nothing is held).</summary>
    private static Socket? Hold(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"Mock broker {what} failed with librdkafka error {error}.");
        }
    }

    private static int IndexOfNul(byte* text, int length)
    {
        var i = 0;
        while (i < length && text[i] != 0)
        {
            i++;
        }

        return i;
    }
}

/// <summary>Kafka protocol API keys used by fault injection.</summary>
public enum KafkaApiKey : short
{
    Produce = 0,
    Fetch = 1,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    JoinGroup = 11,
    Heartbeat = 12,
    InitProducerId = 22,
}
