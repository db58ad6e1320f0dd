using System.Text.Json.Nodes;
using Platform.Charts.Tests.Rendering;

namespace Platform.Charts.Tests.Validation;

/// <summary>The pod templates and containers of rendered Deployments and Jobs.</summary>
public static class Workloads
{
    public static IEnumerable<RenderedObject> PodOwners(IEnumerable<RenderedObject> objects) =>
        objects.Where(o => o.Kind is "Deployment" or "Job" or "StatefulSet" or "DaemonSet");

    public static JsonObject PodSpec(RenderedObject owner) =>
        owner.Json["spec"]?["template"]?["spec"]?.AsObject() ?? throw new InvalidDataException($"{owner} has no pod template");

    public static IEnumerable<(RenderedObject Owner, JsonObject Container)> Containers(IEnumerable<RenderedObject> objects) =>
        PodOwners(objects).SelectMany(owner =>
            new[] { "initContainers", "containers" }
                .SelectMany(list => PodSpec(owner)[list]?.AsArray() ?? [])
                .Select(container => (owner, container!.AsObject())));

    public static JsonObject MainContainer(RenderedObject deployment) =>
        PodSpec(deployment)["containers"]!.AsArray()[0]!.AsObject();
}
