using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Persistence;

namespace Platform.Idempotency;

public static class IdempotencyRegistration
{
    /// <summary>
    /// Keeps <c>Idempotency-Key</c> responses in the service's store (created with it, through
    /// <see cref="IStoreExtension"/>) and forgets them after <see cref="IdempotencyKeys.Retention"/>. Needs
    /// <c>AddPlatformStore</c>; endpoints opt in with <see cref="IdempotencyKeys.WithIdempotencyKey"/>.
    /// </summary>
    public static WebApplicationBuilder AddIdempotencyKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdempotencyTables>();
        builder.Services.AddSingleton<IStoreExtension>(sp => sp.GetRequiredService<IdempotencyTables>());
        builder.Services.AddHostedService<IdempotencyRetention>();
        return builder;
    }
}
