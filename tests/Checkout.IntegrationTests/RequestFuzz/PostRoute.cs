using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>A route and what it binds, read from its endpoint.</summary>
internal sealed class PostRoute
{
    public PostRoute(RouteEndpoint endpoint)
    {
        Endpoint = endpoint;
        Pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        NeedsLogin = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
        var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Fields = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
            ? action.Parameters.Where(p => !routeValues.Contains(p.Name)).SelectMany(BoundField.Of).ToList()
            : [];
    }

    public RouteEndpoint Endpoint { get; }

    public string Pattern { get; }

    public bool NeedsLogin { get; }

    /// <summary>What the action binds from the body; empty when it reads the body itself (as /process_payment does).</summary>
    public IReadOnlyList<BoundField> Fields { get; }

    /// <summary>The fields one bad value at a time is put in: the bound ones, or else the usual suspects.</summary>
    public IEnumerable<BoundField> FieldsUnderTest => Fields.Count > 0 ? Fields : HostileInputs.ExtraFields.Select(BoundField.Unknown);

    public IEnumerable<string> AllFieldNames => Fields.Select(f => f.Name).Concat(HostileInputs.ExtraFields).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>A body that would be accepted: the bound fields filled well (only those: unknown ones would be ignored).</summary>
    public Dictionary<string, string> GoodValues() =>
        FieldsUnderTest.ToDictionary(f => f.Name, f => GoodValue(f.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>The route's path: as is when it takes no parameters, else once per hostile value in every parameter.</summary>
    public IEnumerable<FuzzPath> Paths(FuzzWorld world)
    {
        if (Endpoint.RoutePattern.Parameters.Count == 0)
        {
            return [new FuzzPath(Pattern, Hostile: false, Value: "")];
        }

        return HostileInputs.PathValues(world).Select(v => new FuzzPath(Fill(v), Hostile: true, Value: v));
    }

    /// <summary>The route's path with <paramref name="value"/> in every parameter (escaped).</summary>
    public string Fill(string value)
    {
        var path = new StringBuilder();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => Uri.EscapeDataString(value),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    private static string GoodValue(string field) => field.ToUpperInvariant() switch
    {
        "CARD_ID" => $"{SeededCards.DemoKaspiGold}",
        "PRODUCTID" or "PRODUCT_ID" => "1",
        "QUANTITY" => "2",
        "FULLNAME" => "Айгерім Фаззер",
        "PHONE" => "+7 701 555 00 11",
        "DELIVERYADDRESS" => "Алматы қ., Фаззер көшесі 1",
        "EMAIL" => "fuzz.new@checkout.local",
        "PASSWORD" or "CONFIRMPASSWORD" => "Fuzz2026!x",
        "RETURNURL" => "/main",
        "STATUS" => "shipped",
        "REASON" => "broken on arrival",
        "PAYMENT_METHOD" => "card",
        _ => "1",
    };

    /// <summary>Every route the running shop accepts a POST on, found from its endpoints: routes added later are covered too.</summary>
    public static List<PostRoute> Of(ShopFactory shop) =>
        shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase))
            .Select(e => new PostRoute(e))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();
}
