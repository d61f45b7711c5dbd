namespace Checkout.Web.Features.Api;

/// <summary>Configuration section <c>Api</c>: the JSON API for the mobile apps (<c>/api/v1</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How long an access token authenticates; a refresh token gets the next one.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token may be used, if it isn't revoked (logout) or used up (each refresh replaces it).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a cart token names its cart after it was handed out; every cart answer hands out a fresh one.</summary>
    public TimeSpan CartTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Web origins (<c>https://app.example.kz</c>) whose scripts may call the API; none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Serve the interactive reference at <c>/api/docs</c> outside Development too.</summary>
    public bool Docs { get; set; }
}
