using System.Data.Common;
using System.Net;
using System.Text;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Checkout.IntegrationTests;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /process_payment</c>: a repeat replays the first answer and charges nothing,
/// the same key with another request is refused, a key still in use answers 409, a server error stores nothing.
/// </summary>
public sealed class IdempotencyTests : IDisposable
{
    private const string Body = """{"card_id":1}""";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Paying_twice_with_one_key_charges_once_and_replays_the_first_answer()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);

        var first = await PayAsync(shopper, "key-1");
        var afterFirst = await ShopState.ReadAsync(_shop);
        var second = await PayAsync(shopper, "key-1");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeFalse();
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Headers.GetValues(IdempotencyKey.ReplayedHeader).Should().Equal("true");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(afterFirst, "the replay changes nothing");
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(2_446_520).Tiyn);
    }

    [Fact]
    public async Task A_refusal_is_replayed_too_and_a_new_key_pays()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);

        var shortOnce = await PayAsync(shopper, "bcc", """{"card_id":3}""");
        var shortAgain = await PayAsync(shopper, "bcc", """{"card_id":3}""");

        shortOnce.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        shortAgain.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        shortAgain.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeTrue();
        (await Shopper.ReadAnswerAsync(shortAgain)).Message.Should().Be("Қаражатыңыз жеткіліксіз");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);

        (await PayAsync(shopper, "kaspi")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_key_with_another_request_gets_422_and_changes_nothing()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        (await PayAsync(shopper, "key-1", """{"card_id":3}""")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var before = await ShopState.ReadAsync(_shop);

        var other = await PayAsync(shopper, "key-1", Body);

        other.StatusCode.Should().Be((HttpStatusCode)422);
        (await Shopper.ReadAnswerAsync(other)).Message.Should().Contain("басқа сұраныспен");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Keys_belong_to_one_shopper()
    {
        using var demo = await OrderFlows.ShopperWithCartAsync(_shop);
        using var aidos = _shop.CreateShopper();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        await aidos.AddToCartAsync(2, 1);

        (await PayAsync(demo, "shared")).StatusCode.Should().Be(HttpStatusCode.OK);
        var aidosPays = await PayAsync(aidos, "shared", """{"card_id":4}""");

        aidosPays.StatusCode.Should().Be(HttpStatusCode.OK);
        aidosPays.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeFalse();
    }

    [Fact]
    public async Task Ten_parallel_requests_with_one_key_charge_once()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var token = await shopper.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var response = await shopper.PayWithTokenAsync(Shopper.Json(Body), token, "double-click");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => a.Body).Distinct().Should().ContainSingle();
        await using var db = _shop.OpenDatabase();
        (await db.Orders.CountAsync()).Should().Be(1);
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(2_446_520).Tiyn);
    }

    [Fact]
    public async Task A_key_still_in_use_gets_409_and_one_whose_holder_died_is_taken_over()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var userId = await UserIdAsync(Shopper.DemoEmail);
        var hash = IdempotencyKey.Hash("POST", "/process_payment", Encoding.UTF8.GetBytes(Body));
        await using (var db = _shop.OpenDatabase())
        {
            var now = DateTime.UtcNow;
            db.IdempotentRequests.AddRange(
                new IdempotentRequest { UserId = userId, Key = "running", RequestHash = hash, CreatedUtc = now, LockedUntilUtc = now.AddMinutes(1) },
                new IdempotentRequest { UserId = userId, Key = "crashed", RequestHash = hash, CreatedUtc = now.AddMinutes(-5), LockedUntilUtc = now.AddMinutes(-4) });
            await db.SaveChangesAsync();
        }

        var before = await ShopState.ReadAsync(_shop);
        var running = await PayAsync(shopper, "running");
        running.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ReadAnswerAsync(running)).Message.Should().Contain("әлі өңделуде");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);

        (await PayAsync(shopper, "crashed")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_server_error_stores_nothing_so_the_retry_pays()
    {
        var failOnce = new FailsFirstDebit();
        using var shop = new ShopFactory { TestServices = s => TestDatabase.AddInterceptor(s, failOnce) };
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);

        var failed = await shopper.PayWithTokenAsync(Shopper.Json(Body), await shopper.TokenAsync(), "retry-me");
        var retried = await shopper.PayWithTokenAsync(Shopper.Json(Body), await shopper.TokenAsync(), "retry-me");

        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        retried.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeFalse();
        (await ShopState.BalanceAsync(shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(2_446_520).Tiyn);
    }

    [Fact]
    public async Task A_payment_whose_answer_was_lost_in_a_crash_is_never_made_again()
    {
        var loseAnswer = new FailsStoringTheAnswer();
        using var shop = new ShopFactory { TestServices = s => TestDatabase.AddInterceptor(s, loseAnswer) };
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        var paid = await Shopper.ReadAnswerAsync(await shopper.PayWithTokenAsync(Shopper.Json(Body), await shopper.TokenAsync(), "lost"));
        paid.Status.Should().Be(HttpStatusCode.OK);
        loseAnswer.Fired.Should().BeTrue();
        await using (var db = shop.OpenDatabase())
        {
            // As after a crash: the order committed, the answer was never stored, and the holder's lease ran out.
            await db.IdempotentRequests.ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntilUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        await shopper.AddToCartAsync(1, 2); // the same cart again, so running the payment twice would charge twice
        var retried = await shopper.PayWithTokenAsync(Shopper.Json(Body), await shopper.TokenAsync(), "lost");
        var again = await shopper.PayWithTokenAsync(Shopper.Json(Body), await shopper.TokenAsync(), "lost");

        retried.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ReadAnswerAsync(retried)).Message.Should().Contain(paid.OrderNumber!).And.Contain("бұрын жасалған");
        again.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeTrue();
        (await again.Content.ReadAsStringAsync()).Should().Be(await retried.Content.ReadAsStringAsync());
        (await ShopState.BalanceAsync(shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(2_446_520).Tiyn, "charged once");
    }

    [Fact]
    public async Task A_repeated_cancel_replays_its_redirect()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var order = (await Shopper.ReadAnswerAsync(await PayAsync(shopper, "pay"))).OrderNumber!;
        var token = await shopper.TokenAsync($"/orders/{order}");

        async Task<HttpResponseMessage> CancelAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/orders/{order}/cancel")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            };
            request.Headers.Add("Idempotency-Key", "cancel-1");
            return await shopper.Http.SendAsync(request);
        }

        var first = await CancelAsync();
        var second = await CancelAsync();

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location.Should().Be(first.Headers.Location);
        second.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeTrue();
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(4_300_000).Tiyn, "refunded once");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ключ")]
    [InlineData("k123456789k123456789k123456789k123456789k123456789k123456789k123456789k123456789k123456789k1234567890")]
    public async Task A_malformed_key_gets_400_and_changes_nothing(string key)
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/process_payment") { Content = Shopper.Json(Body) };
        request.Headers.Add("RequestVerificationToken", await shopper.TokenAsync());
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await shopper.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ReadAnswerAsync(response)).Message.Should().Contain("Idempotency-Key");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Without_javascript_a_reposted_payment_form_replays_the_receipt()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);
        var page = await shopper.GetPageAsync("/payment");
        var key = page.QuerySelector("input[name='idempotency_key']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["card_id"] = "1",
            ["idempotency_key"] = key,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        };

        var paid = await shopper.Http.PostAsync(new Uri("/process_payment", UriKind.Relative), new FormUrlEncodedContent(fields));
        var refreshed = await shopper.Http.PostAsync(new Uri("/process_payment", UriKind.Relative), new FormUrlEncodedContent(fields));

        paid.StatusCode.Should().Be(HttpStatusCode.OK);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        refreshed.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeTrue();
        refreshed.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await refreshed.Content.ReadAsStringAsync()).Should().Be(await paid.Content.ReadAsStringAsync());
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(2_446_520).Tiyn);
    }

    private static async Task<HttpResponseMessage> PayAsync(Shopper shopper, string key, string body = Body) =>
        await shopper.PayWithTokenAsync(Shopper.Json(body), await shopper.TokenAsync(), key);

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = _shop.OpenDatabase();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Makes storing the first answer fail, as a crash right after the payment's commit would leave it.</summary>
    private sealed class FailsStoringTheAnswer : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && command.CommandText.Contains("UPDATE \"IdempotentRequests\"", StringComparison.Ordinal)
                && command.CommandText.Contains("SET \"StatusCode\"", StringComparison.Ordinal))
            {
                Fired = true;
                throw new InvalidOperationException("The process died.");
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Makes the first card debit fail like a broken database would: the request ends in a 500.</summary>
    /// <summary>The debit (an UPDATE … RETURNING, so a reader) fails once.</summary>
    private sealed class FailsFirstDebit : DbCommandInterceptor
    {
        private int _fired;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("UPDATE \"Cards\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0
                ? throw new InvalidOperationException("The database went away.")
                : ValueTask.FromResult(result);
    }
}
