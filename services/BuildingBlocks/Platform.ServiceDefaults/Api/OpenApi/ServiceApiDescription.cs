using System.Reflection;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// What a service says about its API in its OpenAPI document's <c>info</c> block and tags: who it is for and what it
/// owns, in Chinese and English (partner cities' developers read either). One subclass per service, found in the
/// service's own assembly, so a service documents itself without a registration call.
/// </summary>
public abstract class ServiceApiDescription
{
    /// <summary>The title shown on <c>/docs</c>.</summary>
    public abstract string Title { get; }

    /// <summary>What the service owns and who calls it, in English (Markdown).</summary>
    public abstract string English { get; }

    /// <summary>The same in Chinese (Markdown).</summary>
    public abstract string Chinese { get; }

    /// <summary>
    /// The contract's version (semantic: the major is the <c>v1</c> in the document's name; additions raise the minor).
    /// See docs/api-versioning.md.
    /// </summary>
    public virtual string Version => "1.0.0";

    /// <summary>A description for each tag the service's endpoints use; the contract tests require one for every tag.</summary>
    public abstract IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>The description in the service's assembly, or null when it has none.</summary>
    public static ServiceApiDescription? Find(string applicationName)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(applicationName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var type = assembly.GetTypes().FirstOrDefault(t => t.IsSubclassOf(typeof(ServiceApiDescription)) && !t.IsAbstract);
        return type is null ? null : (ServiceApiDescription?)Activator.CreateInstance(type);
    }
}
