using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Platform.Messaging.Tests;

/// <summary>
/// librdkafka's own fault injection for client errors: <c>rd_kafka_test_fatal_error</c> puts a client into the fatal
/// state a real broker would cause (an idempotence sequence that cannot be kept), bound from the copy of librdkafka
/// Confluent.Kafka already loaded into this process.
/// </summary>
internal static class NativeFaults
{
    private const int OutOfOrderSequenceNumber = 45;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int TestFatalError(nint rk, int error, [MarshalAs(UnmanagedType.LPUTF8Str)] string reason);

    public static void RaiseFatalError(IClient client)
    {
        var library = Process.GetCurrentProcess().Modules.Cast<ProcessModule>()
            .First(m => m.ModuleName.Contains("librdkafka", StringComparison.Ordinal)).FileName;
        var export = NativeLibrary.GetExport(NativeLibrary.Load(library), "rd_kafka_test_fatal_error");
        var raise = Marshal.GetDelegateForFunctionPointer<TestFatalError>(export);
        var handle = (SafeHandle)typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(client.Handle)!;
        var result = raise(handle.DangerousGetHandle(), OutOfOrderSequenceNumber, "test: fatal producer error");
        if (result != 0)
        {
            throw new InvalidOperationException($"rd_kafka_test_fatal_error refused: {result}");
        }
    }
}
