using System.Text;
using Checkout.Web.Infrastructure.Idempotency;

namespace Checkout.UnitTests;

public class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("double-click")]
    [InlineData("0b7e6f0c-3a51-4c52-9d7e-2f8c1e9a4b10")]
    [InlineData("!~{}[]|:;'\"<>,.?/")]
    public void Visible_ascii_keys_are_well_formed(string key) => IdempotencyKey.IsWellFormed(key).Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("кілт")]
    [InlineData("del\u007f")]
    public void Empty_spaced_control_or_non_ascii_keys_are_refused(string key) => IdempotencyKey.IsWellFormed(key).Should().BeFalse();

    [Fact]
    public void A_key_may_be_100_characters_long_and_no_longer()
    {
        IdempotencyKey.IsWellFormed(new string('k', IdempotencyKey.MaxLength)).Should().BeTrue();
        IdempotencyKey.IsWellFormed(new string('k', IdempotencyKey.MaxLength + 1)).Should().BeFalse();
    }

    [Fact]
    public void The_same_method_path_and_body_hash_the_same()
    {
        var first = IdempotencyKey.Hash("POST", "/process_payment", Encoding.UTF8.GetBytes("""{"card_id":1}"""));
        var again = IdempotencyKey.Hash("POST", "/process_payment", Encoding.UTF8.GetBytes("""{"card_id":1}"""));

        again.Should().Be(first);
        first.Should().MatchRegex("^[0-9a-f]{64}$", "SHA-256 in lowercase hex");
    }

    [Theory]
    [InlineData("PUT", "/process_payment", """{"card_id":1}""")]
    [InlineData("POST", "/checkout/address", """{"card_id":1}""")]
    [InlineData("POST", "/process_payment", """{"card_id":2}""")]
    [InlineData("POST", "/process_payment", """{"card_id": 1}""")]
    public void A_different_method_path_or_body_is_another_request(string method, string path, string body) =>
        IdempotencyKey.Hash(method, path, Encoding.UTF8.GetBytes(body))
            .Should().NotBe(IdempotencyKey.Hash("POST", "/process_payment", Encoding.UTF8.GetBytes("""{"card_id":1}""")));
}
