namespace Checkout.Web.Features.Api.Auth;

public static class ApiAuthSetup
{
    /// <summary>The apps' sign-in: token, refresh and logout.</summary>
    public static IServiceCollection AddApiAuth(this IServiceCollection services) => services.AddScoped<RefreshTokens>();
}
