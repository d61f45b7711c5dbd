using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Checkout.IntegrationTests;

/// <summary>Requests the shop can't make sense of get a 4xx and a reason, never a 500, and change nothing.</summary>
public sealed class BadRequestTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_total_that_changed_since_the_page_was_shown_is_refused_not_charged()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);

        var stale = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = 1, expected_total = 927_490 }));

        stale.Status.Should().Be(HttpStatusCode.Conflict);
        stale.Message.Should().StartWith("Себет өзгерді");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
        var current = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = 1, expected_total = 1_853_480 }));
        current.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_form_with_too_many_fields_gets_400()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);
        var fields = Enumerable.Range(0, 1_500).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))
            .Append(new("card_id", "1")).Append(new("__RequestVerificationToken", await shopper.TokenAsync()));

        var response = await shopper.Http.PostAsync(new Uri("/process_payment", UriKind.Relative), new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("/process_payment")]
    [InlineData("/account/profile")]
    [InlineData("/checkout/address")]
    [InlineData("/cart/add")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task Multipart_without_a_boundary_gets_400(string path)
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);
        using var content = new StringContent("card_id=1", Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("RequestVerificationToken", await shopper.TokenAsync());

        var response = await shopper.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_token_in_the_json_body_instead_of_the_header_is_refused()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);

        var response = await shopper.PayWithTokenAsync(
            JsonContent.Create(new Dictionary<string, object> { ["card_id"] = 1, ["__RequestVerificationToken"] = await shopper.TokenAsync() }), token: null);

        (await Shopper.ReadAnswerAsync(response)).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/error/0")]
    [InlineData("/error/200")]
    [InlineData("/error/1000")]
    public async Task The_error_page_only_speaks_of_errors(string path)
    {
        using var guest = _shop.CreateShopper();

        (await guest.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_email_with_a_kazakh_domain_can_register()
    {
        using var visitor = _shop.CreateShopper();

        var response = await visitor.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Айгүл",
            ["Email"] = "айгүл@пошта.қаз",
            ["Password"] = "Aigul-2026-kz",
            ["ConfirmPassword"] = "Aigul-2026-kz",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK); // «check your mail»: the link in it signs in
    }
}
