using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Checkout.IntegrationTests;

/// <summary>
/// Bodies of <c>POST /process_payment</c> the shop can't read, or whose <c>expected_total</c> is no total: each is a
/// 400 with a message in the error envelope, never a 500, and no row of any table changes.
/// </summary>
public sealed class PaymentBodyTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    public static TheoryData<string, string> UnreadableBodies => new()
    {
        { "invalid UTF-8 in a string", "7B 22 63 61 72 64 5F 69 64 22 3A 31 2C 22 70 61 79 6D 65 6E 74 5F 6D 65 74 68 6F 64 22 3A 22 FF FE 22 7D" },
        { "invalid UTF-8 in a name", "7B 22 FF 22 3A 31 7D" },
        { "a lone surrogate in the method", Hex("""{"card_id":1,"payment_method":"\ud800"}""") },
        { "a lone surrogate in a name", Hex("""{"card_id":1,"\udc00":"x"}""") },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task A_json_body_that_is_not_text_gets_400_and_changes_nothing(string what, string hexBody)
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var token = await shopper.TokenAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);
        using var content = new ByteArrayContent(Convert.FromHexString(hexBody.Replace(" ", "")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayWithTokenAsync(content, token));

        answer.Status.Should().Be(HttpStatusCode.BadRequest, what);
        answer.Message.Should().Be("Сұраныс жарамсыз: бетті жаңартып, қайта көріңіз");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task A_truncated_multipart_body_gets_400_and_changes_nothing()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var token = await shopper.TokenAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);
        const string cut = "--b\r\nContent-Disposition: form-data; name=\"card_id\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-da";
        using var content = new StringContent(cut, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await shopper.PayWithTokenAsync(content, token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Сұраныс жарамсыз");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"1853480\"")]
    [InlineData("1853480.5")]
    [InlineData("-1")]
    [InlineData("92233720368547759")]
    [InlineData("1e300")]
    [InlineData("true")]
    [InlineData("[1853480]")]
    [InlineData("{}")]
    public async Task A_malformed_expected_total_in_json_gets_400_and_changes_nothing(string shown)
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var token = await shopper.TokenAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayWithTokenAsync(Shopper.Json($$"""{"card_id":1,"expected_total":{{shown}}}"""), token));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Json.Should().Be("""{"status":"error","message":"Көрсетілген сома жарамсыз: бетті жаңартып, қайта көріңіз"}""");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1853480.5")]
    [InlineData("-1")]
    [InlineData("100000000000000000")]
    public async Task A_malformed_expected_total_in_a_form_gets_400_and_changes_nothing(string shown)
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        await shopper.TokenAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["card_id"] = "1", ["expected_total"] = shown });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Көрсетілген сома жарамсыз");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task A_whole_expected_total_still_pays_and_a_missing_one_is_no_guard()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);

        var paid = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = 1, expected_total = 1_853_480 }));

        paid.Status.Should().Be(HttpStatusCode.OK, paid.Json);
        await shopper.AddToCartAsync(1, 1);
        (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = 1 }))).Status.Should().Be(HttpStatusCode.OK);
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));
}
