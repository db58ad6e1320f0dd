using System.Runtime.InteropServices;

namespace Platform.EmbeddedKafka;

/// <summary>
/// The few librdkafka entry points the mock cluster needs, bound at run time to the same native
/// library file Confluent.Kafka loads on this platform.
/// </summary>
/// <remarks>
/// Implementation note: on Debian the plain <c>librdkafka.so</c> of librdkafka.redist needs
/// <c>libsasl2.so.3</c>, which Debian lacks; the <c>centos8-</c> build loads (environment.md). We try
/// the candidates in that order of preference and bind the exports with function pointers, so no
/// <c>DllImport</c> name has to match a file name.
/// </remarks>
internal static unsafe class NativeLibrdkafka
{
    private static readonly Lazy<nint> Handle = new(LoadLibrary);

    public static string? LoadedPath { get; private set; }

    public static nint ConfNew() =>
        ((delegate* unmanaged<nint>)Export("rd_kafka_conf_new"))();

    /// <summary><c>rd_kafka_conf_set</c>; returns 0 (RD_KAFKA_CONF_OK) on success.</summary>
    public static int ConfSet(nint conf, string name, string value, byte* errstr, nuint errstrSize)
    {
        var n = Marshal.StringToCoTaskMemUTF8(name);
        var v = Marshal.StringToCoTaskMemUTF8(value);
        try
        {
            return ((delegate* unmanaged<nint, nint, nint, byte*, nuint, int>)Export("rd_kafka_conf_set"))(conf, n, v, errstr, errstrSize);
        }
        finally
        {
            Marshal.FreeCoTaskMem(n);
            Marshal.FreeCoTaskMem(v);
        }
    }

    public static nint New(int type, nint conf, byte* errstr, nuint errstrSize) =>
        ((delegate* unmanaged<int, nint, byte*, nuint, nint>)Export("rd_kafka_new"))(type, conf, errstr, errstrSize);

    public static void Destroy(nint rk) =>
        ((delegate* unmanaged<nint, void>)Export("rd_kafka_destroy"))(rk);

    public static nint MockClusterNew(nint rk, int brokers) =>
        ((delegate* unmanaged<nint, int, nint>)Export("rd_kafka_mock_cluster_new"))(rk, brokers);

    public static void MockClusterDestroy(nint cluster) =>
        ((delegate* unmanaged<nint, void>)Export("rd_kafka_mock_cluster_destroy"))(cluster);

    public static string MockClusterBootstraps(nint cluster) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<nint, nint>)Export("rd_kafka_mock_cluster_bootstraps"))(cluster))
        ?? throw new InvalidOperationException("The mock cluster returned no bootstrap address.");

    public static int MockTopicCreate(nint cluster, string topic, int partitions, int replicationFactor)
    {
        var name = Marshal.StringToCoTaskMemUTF8(topic);
        try
        {
            return ((delegate* unmanaged<nint, nint, int, int, int>)Export("rd_kafka_mock_topic_create"))(
                cluster, name, partitions, replicationFactor);
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    public static int MockBrokerSetDown(nint cluster, int brokerId) =>
        ((delegate* unmanaged<nint, int, int>)Export("rd_kafka_mock_broker_set_down"))(cluster, brokerId);

    public static int MockBrokerSetUp(nint cluster, int brokerId) =>
        ((delegate* unmanaged<nint, int, int>)Export("rd_kafka_mock_broker_set_up"))(cluster, brokerId);

    public static int MockBrokerSetRtt(nint cluster, int brokerId, int rttMs) =>
        ((delegate* unmanaged<nint, int, int, int>)Export("rd_kafka_mock_broker_set_rtt"))(cluster, brokerId, rttMs);

    /// <summary><c>rd_kafka_mock_push_request_errors_array(mcluster, ApiKey, cnt, errors[])</c>.</summary>
    public static void MockPushRequestErrors(nint cluster, short apiKey, int[] errorCodes)
    {
        fixed (int* errors = errorCodes)
        {
            ((delegate* unmanaged<nint, short, nuint, int*, void>)Export("rd_kafka_mock_push_request_errors_array"))(
                cluster, apiKey, (nuint)errorCodes.Length, errors);
        }
    }

    public static void MockGroupInitialRebalanceDelay(nint cluster, int delayMs) =>
        ((delegate* unmanaged<nint, int, void>)Export("rd_kafka_mock_group_initial_rebalance_delay_ms"))(cluster, delayMs);

    public static void MockClearRequestErrors(nint cluster, short apiKey) =>
        ((delegate* unmanaged<nint, short, void>)Export("rd_kafka_mock_clear_request_errors"))(cluster, apiKey);

    private static nint Export(string name) => NativeLibrary.GetExport(Handle.Value, name);

    private static nint LoadLibrary()
    {
        var failures = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                LoadedPath = candidate;
                return handle;
            }

            failures.Add(candidate);
        }

        throw new DllNotFoundException(
            "Could not load librdkafka for the embedded broker. Tried: " +
            (failures.Count == 0 ? "no candidate file found under " + AppContext.BaseDirectory : string.Join(", ", failures)));
    }

    private static IEnumerable<string> Candidates()
    {
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "linux-arm64",
            _ => "linux-x64",
        };
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", arch, "native");
        yield return Path.Combine(native, "centos8-librdkafka.so");
        yield return Path.Combine(native, "librdkafka.so");
        yield return Path.Combine(AppContext.BaseDirectory, "librdkafka.so");
    }
}
