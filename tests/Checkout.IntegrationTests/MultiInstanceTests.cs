using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>Several instances on one database behind a load balancer: nothing a shopper needs lives in one process.</summary>
public sealed class MultiInstanceTests : IDisposable
{
    private readonly ShopFactory _first = new();
    private readonly ShopFactory _second;

    public MultiInstanceTests()
    {
        _ = _first.Server;
        _second = _first.SecondInstance();
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task A_session_begun_on_one_instance_pays_on_another()
    {
        using var onFirst = _first.CreateShopper();
        await onFirst.LoginAsync();
        await onFirst.AddToCartAsync(1, 2);
        var token = await onFirst.TokenAsync();
        var cookieHeader = await CookieHeaderAsync(onFirst); // the browser moving to the other instance
        cookieHeader.Should().Contain("checkout_auth=");

        using var onSecond = _second.CreateShopper();
        onSecond.Http.DefaultRequestHeaders.Add("Cookie", cookieHeader);

        var cart = await onSecond.GetPageAsync("/cart");
        cart.QuerySelector("tr[data-product-id='1'] input[name='quantity']")!.GetAttribute("value").Should().Be("2");
        var answer = await Shopper.ReadAnswerAsync(await onSecond.PayAsync(new { card_id = SeededCards.DemoKaspiGold }, token));

        answer.Status.Should().Be(HttpStatusCode.OK, "the second instance reads the first one's auth cookie and antiforgery token");
        answer.NewBalance.Should().Be(2_446_520);

        // Both shops share a process, so a key folder on disk (~/.aspnet/DataProtection-Keys) would be shared too:
        // only the key ids in the database show that the keys live there, where separate machines would find them.
        var keysInDatabase = await KeysInDatabaseAsync();
        keysInDatabase.Should().Contain(KeyThatProtected(CookieValue(cookieHeader, "checkout_auth")), "the auth cookie is signed with a key kept in the shop's database");
        keysInDatabase.Should().Contain(KeyThatProtected(token), "so is the antiforgery token");
    }

    private async Task<List<Guid>> KeysInDatabaseAsync()
    {
        await using var db = _first.OpenDatabase();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        return [.. keys.Select(xml => Guid.Parse(XElement.Parse(xml!).Attribute("id")!.Value))];
    }

    /// <summary>The id of the key a data-protection payload (base64url, as cookies and tokens carry it) was protected with.</summary>
    private static Guid KeyThatProtected(string payload)
    {
        // Data protection's envelope: a 4-byte magic header, then the 16-byte id of the key.
        var bytes = WebEncoders.Base64UrlDecode(payload);
        bytes.Take(4).Should().Equal([0x09, 0xF0, 0xC9, 0xF0], "the value is a data-protection payload");
        return new Guid(bytes.AsSpan(4, 16));
    }

    private static string CookieValue(string cookieHeader, string name) =>
        cookieHeader.Split("; ").Select(c => c.Split('=', 2)).Single(c => c[0] == name)[1];

    /// <summary>The Cookie header the first instance's browser would send, read back from a request it makes.</summary>
    private static async Task<string> CookieHeaderAsync(Shopper shopper)
    {
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health");
        var response = await shopper.Http.SendAsync(probe);
        return string.Join("; ", response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? values : []);
    }
}
