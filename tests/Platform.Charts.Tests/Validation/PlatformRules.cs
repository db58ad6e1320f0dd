using System.Reflection;
using Platform.Charts.Tests.Rendering;

namespace Platform.Charts.Tests.Validation;

/// <summary>
/// The platform's own rules for what the chart renders (issue "a chart that is checked on every
/// commit"; docs/architecture.md §2, §4 for one database per service). Each rule returns its
/// violations, so a test shows all of them at once, and CheckersCatchBreakageTests can show that a
/// rule fails on a broken object.
/// </summary>
public static class PlatformRules
{
    public const string ManagementPort = "management";

    /// <summary>Every component has a Deployment, a Service, a ServiceAccount and a NetworkPolicy, and a PDB when it runs more than one pod.</summary>
    public static IEnumerable<string> EveryComponentIsComplete(IReadOnlyList<RenderedObject> objects, IEnumerable<string> components)
    {
        foreach (var component in components)
        {
            foreach (var kind in new[] { "Deployment", "Service", "ServiceAccount", "NetworkPolicy" })
            {
                if (!objects.Any(o => o.Kind == kind && o.Component == component))
                {
                    yield return $"{component}: no {kind}";
                }
            }

            var deployment = objects.FirstOrDefault(o => o.Kind == "Deployment" && o.Component == component);
            var autoscaled = objects.Any(o => o.Kind == "HorizontalPodAutoscaler" && o.Component == component);
            var replicas = (long?)deployment?.Json["spec"]?["replicas"] ?? 1;
            if ((autoscaled || replicas > 1) && !objects.Any(o => o.Kind == "PodDisruptionBudget" && o.Component == component))
            {
                yield return $"{component}: runs {(autoscaled ? "autoscaled" : replicas)} pods but has no PodDisruptionBudget";
            }
        }
    }

    /// <summary>Startup, liveness and readiness probes ask the management port's /health endpoints.</summary>
    public static IEnumerable<string> ProbesUseTheManagementPort(IReadOnlyList<RenderedObject> objects)
    {
        foreach (var deployment in objects.Where(o => o.Kind == "Deployment"))
        {
            var container = Workloads.MainContainer(deployment);
            foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
            {
                var get = container[probe]?["httpGet"];
                if (get is null)
                {
                    yield return $"{deployment}: no {probe}";
                }
                else if ((string?)get["path"] != path || get["port"]?.ToString() != ManagementPort)
                {
                    yield return $"{deployment}: {probe} asks {get["port"]}{get["path"]}, not {ManagementPort}{path}";
                }
            }

            var declared = container["ports"]?.AsArray().Any(p => (string?)p!["name"] == ManagementPort) ?? false;
            if (!declared)
            {
                yield return $"{deployment}: declares no container port named {ManagementPort}";
            }
        }
    }

    /// <summary>Every container (init and migration ones too) requests CPU and memory and has a memory limit.</summary>
    public static IEnumerable<string> EveryContainerHasResources(IReadOnlyList<RenderedObject> objects) =>
        Workloads.Containers(objects)
            .Where(c => c.Container["resources"]?["requests"]?["cpu"] is null
                        || c.Container["resources"]?["requests"]?["memory"] is null
                        || c.Container["resources"]?["limits"]?["memory"] is null)
            .Select(c => $"{c.Owner}: container {c.Container["name"]} lacks cpu/memory requests or a memory limit");

    /// <summary>Non-root, read-only root filesystem, no privilege escalation, every capability dropped.</summary>
    public static IEnumerable<string> EveryContainerIsLockedDown(IReadOnlyList<RenderedObject> objects)
    {
        foreach (var owner in Workloads.PodOwners(objects))
        {
            if ((bool?)Workloads.PodSpec(owner)["securityContext"]?["runAsNonRoot"] != true)
            {
                yield return $"{owner}: pod does not set runAsNonRoot";
            }
        }

        foreach (var (owner, container) in Workloads.Containers(objects))
        {
            var security = container["securityContext"];
            if ((bool?)security?["readOnlyRootFilesystem"] != true)
            {
                yield return $"{owner}/{container["name"]}: root filesystem is writable";
            }

            if ((bool?)security?["allowPrivilegeEscalation"] != false)
            {
                yield return $"{owner}/{container["name"]}: privilege escalation is allowed";
            }

            var dropped = security?["capabilities"]?["drop"]?.AsArray().Select(c => (string?)c) ?? [];
            if (!dropped.Contains("ALL"))
            {
                yield return $"{owner}/{container["name"]}: capabilities are not all dropped";
            }
        }
    }

    /// <summary>Every image has an explicit tag other than latest.</summary>
    public static IEnumerable<string> NoImageIsLatest(IReadOnlyList<RenderedObject> objects) =>
        Workloads.Containers(objects)
            .Select(c => (c.Owner, Image: (string?)c.Container["image"] ?? ""))
            .Where(c => TagOf(c.Image) is null or "latest")
            .Select(c => $"{c.Owner}: image {c.Image} has no tag or the latest tag");

    /// <summary>A KafkaTopic for every topic of Platform.Contracts' Topics.All, each with a retention.</summary>
    public static IEnumerable<string> EveryContractTopicIsDeclared(IReadOnlyList<RenderedObject> objects, string topicNamespace)
    {
        var topics = objects.Where(o => o.Kind == "KafkaTopic").ToDictionary(o => (string?)o.Json["spec"]?["topicName"] ?? "");
        foreach (var topic in ContractTopics())
        {
            var name = string.IsNullOrEmpty(topicNamespace) ? topic : $"{topicNamespace}.{topic}";
            if (!topics.TryGetValue(name, out var declared))
            {
                yield return $"no KafkaTopic for the contract topic {name}";
            }
            else if (declared.Json["spec"]?["config"]?["retention.ms"] is null)
            {
                yield return $"{declared}: no retention.ms";
            }
        }
    }

    /// <summary>Each service with a database connects to a database of its own.</summary>
    public static IEnumerable<string> EveryServiceHasItsOwnDatabase(IReadOnlyList<RenderedObject> objects, IEnumerable<string> services)
    {
        var databases = new Dictionary<string, string>();
        foreach (var service in services)
        {
            var deployment = objects.FirstOrDefault(o => o.Kind == "Deployment" && o.Component == service);
            var env = deployment is null ? null : Workloads.MainContainer(deployment)["env"]?.AsArray();
            var connection = env?.FirstOrDefault(e => (string?)e!["name"] == "ConnectionStrings__postgres");
            if (connection is null)
            {
                yield return $"{service}: no ConnectionStrings__postgres";
                continue;
            }

            // A connection string from a Secret names its database there; only composed ones can be compared.
            var value = (string?)connection["value"];
            var database = value?.Split(';').FirstOrDefault(p => p.StartsWith("Database=", StringComparison.Ordinal));
            if (database is not null && databases.TryGetValue(database, out var other))
            {
                yield return $"{service} and {other} share {database}";
            }
            else if (database is not null)
            {
                databases[database] = service;
            }
        }
    }

    /// <summary>The topics every service needs, read from the contracts assembly (Topics.All).</summary>
    public static IReadOnlyList<string> ContractTopics()
    {
        var topics = typeof(Platform.Contracts.IntegrationEventAttribute).Assembly.GetType("Platform.Contracts.Topics", throwOnError: true)!;
        var all = topics.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        return [.. ((IEnumerable<string>)all!)];
    }

    private static string? TagOf(string image)
    {
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[(colon + 1)..] : null;
    }

}
