using System.Net.Http.Json;
using System.Text.Json;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// How the sandbox delivers what it owes the shop: again and again with exponential backoff until the answer is
/// <c>{"code":0}</c>, across a restart of the shop, and — with its chaos settings — dropped, duplicated, delayed and out
/// of order, the same way on every run of a seed.
/// </summary>
public sealed class SandboxDeliveryTests
{
    private static readonly Money Amount = Money.FromTenge(1_853_480);

    [Fact]
    public async Task A_notification_the_shop_does_not_accept_is_sent_again_with_exponential_backoff_until_it_answers_code_0()
    {
        var clock = new ShopClock();
        using var sandbox = new SandboxShop(new Dictionary<string, string>
        {
            ["Payments:Sandbox:FirstRetryDelay"] = "00:00:01",
            ["Payments:Sandbox:MaxRetryDelay"] = "00:00:30",
        }, clock);
        sandbox.Recorder.AnswerWith((kind, earlier) => kind == NotificationKind.Pay && earlier < 3 ? (int)NotificationAnswer.CannotAccept : 0);
        var link = await sandbox.CreatePaymentAsync("INV-BACKOFF", Amount);
        var start = clock.UtcNow;

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        await DeliverAsync(sandbox);
        foreach (var step in new[] { 999, 1, 1_999, 1, 3_999, 1, 60_000 })
        {
            clock.Advance(TimeSpan.FromMilliseconds(step));
            await DeliverAsync(sandbox);
        }

        var pays = sandbox.Recorder.Of("INV-BACKOFF").Where(n => n.Kind == NotificationKind.Pay).ToList();
        pays.Select(p => (p.ReceivedUtc - start).TotalSeconds).Should().Equal([0, 1, 3, 7], "1 s after the first, then 2 s, then 4 s");
        pays.Select(p => p.AnsweredCode).Should().Equal(13, 13, 13, 0);
        pays.Select(p => p.Text).Distinct().Should().ContainSingle("every attempt sends the same notification");
        var stats = await StatsAsync(sandbox);
        stats.GetProperty("attempts").GetInt64().Should().Be(4);
        stats.GetProperty("retried").GetInt64().Should().Be(3);
        stats.GetProperty("delivered").GetInt64().Should().Be(1);
        stats.GetProperty("queued").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task A_notification_never_accepted_is_given_up_after_the_attempts_allowed()
    {
        using var sandbox = new SandboxShop(new Dictionary<string, string> { ["Payments:Sandbox:MaxAttempts"] = "3" });
        sandbox.Recorder.AnswerWith((kind, _) => kind == NotificationKind.Pay ? (int)NotificationAnswer.UnknownInvoice : 0);
        var link = await sandbox.CreatePaymentAsync("INV-GIVEUP", Amount);

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);

        await Poll.UntilAsync(async () => (await StatsAsync(sandbox)).GetProperty("given_up").GetInt64() == 1, "the notification to be given up");
        sandbox.Recorder.Of("INV-GIVEUP").Count(n => n.Kind == NotificationKind.Pay).Should().Be(3);
        (await StatsAsync(sandbox)).GetProperty("queued").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task What_the_sandbox_owes_the_shop_survives_a_restart_of_the_shop()
    {
        string stateFile;
        string transactionId;
        using (var before = new SandboxShop())
        {
            stateFile = before.StateFile;
            before.Recorder.AnswerWith((kind, _) => kind == NotificationKind.Pay ? (int)NotificationAnswer.CannotAccept : 0); // the shop is down
            var link = await before.CreatePaymentAsync("INV-RESTART", Amount);
            await before.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
            var first = await before.Recorder.WaitForAsync("INV-RESTART", n => n.Any(x => x.Kind == NotificationKind.Pay), "a first attempt");
            transactionId = first.Last()["TransactionId"]!;
        }

        using var after = new SandboxShop(stateFile: stateFile);
        _ = after.Shop.Server; // the shop starts again; its sandbox reads what it still owes

        var arrived = await after.Recorder.WaitForAsync("INV-RESTART", n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay after the restart");
        arrived.Single(n => n.Kind == NotificationKind.Pay)["TransactionId"].Should().Be(transactionId);
        var status = await after.Gateway.GetStatusAsync("INV-RESTART", CancellationToken.None);
        status.Value!.State.Should().Be(GatewayPaymentState.Paid, "the charge is in the sandbox's books, not in the shop's memory");
        status.Value.TransactionId.Should().Be(transactionId);
    }

    [Fact]
    public async Task Chaos_duplicates_a_Pay_three_times_each_the_same_notification()
    {
        using var sandbox = Chaotic(new() { ["DuplicateRate"] = "1", ["DuplicateCopies"] = "3" });
        var link = await sandbox.CreatePaymentAsync("INV-DUP", Amount);

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);

        var pays = (await sandbox.Recorder.WaitForAsync("INV-DUP", n => n.Count(x => x.Kind == NotificationKind.Pay) == 3, "three Pays"))
            .Where(n => n.Kind == NotificationKind.Pay).ToList();
        await sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
        sandbox.Recorder.Of("INV-DUP").Count(n => n.Kind == NotificationKind.Pay).Should().Be(3);
        pays.Select(p => p.Text).Distinct().Should().ContainSingle("the same notification, the same transaction");
        pays.Should().OnlyContain(p => sandbox.Gateway.VerifyNotification(NotificationKind.Pay, p.Body, p.Headers).Verified);
        var stats = await StatsAsync(sandbox);
        stats.GetProperty("notifications").GetInt64().Should().Be(1);
        stats.GetProperty("duplicated").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Chaos_drops_a_Pay_and_the_status_still_says_paid()
    {
        using var sandbox = Chaotic(new() { ["DropRate"] = "1" });
        var link = await sandbox.CreatePaymentAsync("INV-DROP", Amount);

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        await sandbox.Notifier.DeliverDueAsync(CancellationToken.None);

        sandbox.Recorder.Of("INV-DROP").Select(n => n.Kind).Should().Equal([NotificationKind.Check], "Check is the shopper's own wait, never dropped");
        var stats = await StatsAsync(sandbox);
        stats.GetProperty("dropped").GetInt64().Should().Be(1);
        stats.GetProperty("queued").GetInt64().Should().Be(0);
        (await sandbox.Gateway.GetStatusAsync("INV-DROP", CancellationToken.None)).Value!.State.Should().Be(GatewayPaymentState.Paid,
            "the shop's sync job finds a payment whose notification was lost");
    }

    [Fact]
    public async Task Chaos_reorders_a_Fail_to_arrive_after_the_Pay_of_the_next_attempt()
    {
        using var sandbox = Chaotic(new() { ["ReorderRate"] = "1", ["ReorderHold"] = "00:10:00" });
        var link = await sandbox.CreatePaymentAsync("INV-REORDER", Amount);

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.DeclinedCard);
        await sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
        var held = sandbox.Recorder.Of("INV-REORDER").Select(n => n.Kind).ToList();
        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);

        held.Should().Equal([NotificationKind.Check], "the Fail waits for a later notification of its invoice");
        var arrived = await sandbox.Recorder.WaitForAsync("INV-REORDER", n => n.Any(x => x.Kind == NotificationKind.Fail), "the Fail");
        arrived.Select(n => n.Kind).Should().Equal(NotificationKind.Check, NotificationKind.Check, NotificationKind.Pay, NotificationKind.Fail);
        (await StatsAsync(sandbox)).GetProperty("reordered").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_reordered_Fail_with_nothing_after_it_goes_when_its_hold_runs_out()
    {
        var clock = new ShopClock();
        using var sandbox = Chaotic(new() { ["ReorderRate"] = "1", ["ReorderHold"] = "00:00:10" }, clock);
        var link = await sandbox.CreatePaymentAsync("INV-HOLD", Amount);

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.DeclinedCard);
        await DeliverAsync(sandbox);
        var before = sandbox.Recorder.Of("INV-HOLD").Count;
        clock.Advance(TimeSpan.FromSeconds(10));
        await DeliverAsync(sandbox);

        before.Should().Be(1, "only the Check, while the Fail is held");
        sandbox.Recorder.Of("INV-HOLD").Select(n => n.Kind).Should().Equal(NotificationKind.Check, NotificationKind.Fail);
    }

    [Fact]
    public async Task Chaos_delays_a_notification_by_at_most_its_maximum()
    {
        var clock = new ShopClock();
        using var sandbox = Chaotic(new() { ["Seed"] = "1", ["DelayRate"] = "1", ["MaxDelay"] = "00:00:10" }, clock);
        var link = await sandbox.CreatePaymentAsync("INV-DELAY", Amount);

        await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        await DeliverAsync(sandbox);
        var atOnce = sandbox.Recorder.Of("INV-DELAY").Count(n => n.Kind == NotificationKind.Pay);
        clock.Advance(TimeSpan.FromSeconds(10));
        await DeliverAsync(sandbox);

        atOnce.Should().Be(0);
        sandbox.Recorder.Of("INV-DELAY").Count(n => n.Kind == NotificationKind.Pay).Should().Be(1);
        (await StatsAsync(sandbox)).GetProperty("delayed").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_chaos_on_every_run()
    {
        var first = await ChaosRunAsync(seed: 20261205);
        var second = await ChaosRunAsync(seed: 20261205);

        second.Should().Equal(first);
        first.Distinct().Count().Should().BeGreaterThan(1, "with rates of one half the payments must not all meet the same fate");
    }

    /// <summary>Eight payments under every kind of chaos at once; what reached the shop for each, as "Check,Pay,Pay" and so on.</summary>
    private static async Task<List<string>> ChaosRunAsync(int seed)
    {
        using var sandbox = Chaotic(new()
        {
            ["Seed"] = $"{seed}", ["DropRate"] = "0.5", ["DuplicateRate"] = "0.5", ["DelayRate"] = "0.5", ["MaxDelay"] = "00:00:00.200",
        });
        var fates = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var link = await sandbox.CreatePaymentAsync($"INV-SEED-{i}", Amount);
            await sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        }

        await Poll.UntilAsync(async () => (await StatsAsync(sandbox)).GetProperty("queued").GetInt64() == 0, "every notification to be delivered");
        for (var i = 0; i < 8; i++)
        {
            fates.Add(string.Join(',', sandbox.Recorder.Of($"INV-SEED-{i}").Select(n => n.Kind)));
        }

        return fates;
    }

    private static SandboxShop Chaotic(Dictionary<string, string> chaos, ShopClock? clock = null) =>
        new(chaos.ToDictionary(c => $"Payments:Sandbox:Chaos:{c.Key}", c => c.Value), clock);

    /// <summary>Sends what is due now on the shop's clock, and waits for a pass the notifier's own timer may have started.</summary>
    private static async Task DeliverAsync(SandboxShop sandbox) => await sandbox.Notifier.DeliverDueAsync(CancellationToken.None);

    private static async Task<JsonElement> StatsAsync(SandboxShop sandbox)
    {
        using var http = sandbox.Shop.CreateClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri("/sandbox/cloudpayments/stats", UriKind.Relative));
    }
}
