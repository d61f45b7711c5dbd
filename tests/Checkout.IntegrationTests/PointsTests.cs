using System.Net;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// Bonus points (1 point = 1 ₸, 1 % of the goods paid): pending from payment, available once delivered, taken back by a
/// cancel or a refund, shown on the profile and over the API, and the ledger replaying to every balance at each step.
/// Points are spent here through the wallet the checkout spends with, in a write transaction of their own.
/// </summary>
public sealed class PointsTests : IDisposable
{
    /// <summary>1 % of the worked example's goods, 1 851 980 ₸.</summary>
    private const long WorkedExamplePoints = 18_519;

    /// <summary>1 % of product 18's 29 990 ₸.</summary>
    private const long CheapPoints = 299;

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task The_worked_example_paid_by_card_earns_18_519_points_pending_that_become_available_once_delivered()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var admin = await AdminAsync(_shop);
        (await ProfilePointsAsync(shopper)).Should().Be((0, 0), "nothing is earned before a payment");

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Json);
        var number = answer.OrderNumber!;

        (await ProfilePointsAsync(shopper)).Should().Be((0, WorkedExamplePoints));
        await Ledger.AssertReplaysAsync(_shop);
        await DriveToAsync(shopper, admin, number, OrderStatus.Shipped);
        (await ProfilePointsAsync(shopper)).Should().Be((0, WorkedExamplePoints), "shipped is not yet delivered");

        (await SetStatusAsync(admin, number, OrderStatus.Delivered)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ProfilePointsAsync(shopper)).Should().Be((WorkedExamplePoints, 0));
        var history = (await shopper.GetPageAsync("/account/profile")).QuerySelectorAll(".points-history tr[data-points-kind]")
            .Select(row => (row.GetAttribute("data-points-kind"), row.GetAttribute("data-order-number"), row.TextContent.Contains("+18 519", StringComparison.Ordinal)));
        history.Should().Equal(("released", number, true), ("earned", number, true));
        (await SetStatusAsync(admin, number, OrderStatus.Completed)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ProfilePointsAsync(shopper)).Should().Be((WorkedExamplePoints, 0), "completing a delivered order changes nothing");
        await AssertEntriesAsync(number, PointsEntryKinds.Earned, PointsEntryKinds.Released);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_cash_on_delivery_order_earns_its_points_when_delivered_and_they_are_available_at_once()
    {
        using var shopper = await _shop.SignedInAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper, cardId: null);
        await DriveToAsync(shopper, admin, number, OrderStatus.Shipped);
        (await ProfilePointsAsync(shopper)).Should().Be((0, 0), "cash is paid on delivery, so nothing is earned before");

        (await SetStatusAsync(admin, number, OrderStatus.Delivered)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ProfilePointsAsync(shopper)).Should().Be((CheapPoints, 0));
        await AssertEntriesAsync(number, PointsEntryKinds.Earned, PointsEntryKinds.Released);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Cancelling_takes_back_the_pending_points_and_returns_the_spent_ones()
    {
        using var shopper = await _shop.SignedInAsync();
        using var admin = await AdminAsync(_shop);
        var first = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, first, OrderStatus.Delivered);
        var second = await PlaceAsync(shopper, productId: 1, quantity: 2);
        (await SpendAsync(Shopper.DemoEmail, second, CheapPoints)).Should().BeTrue();
        (await ProfilePointsAsync(shopper)).Should().Be((0, WorkedExamplePoints));

        (await CancelAsync(shopper, second)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ProfilePointsAsync(shopper)).Should().Be((CheapPoints, 0), "the pending points vanish, the spent ones come back");
        await AssertEntriesAsync(second, PointsEntryKinds.Earned, PointsEntryKinds.Spent, PointsEntryKinds.Returned, PointsEntryKinds.TakenBack);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_refund_takes_back_the_available_points()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var admin = await AdminAsync(_shop);
        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));
        var number = answer.OrderNumber!;
        await DriveToAsync(shopper, admin, number, OrderStatus.ReturnRequested);
        (await ProfilePointsAsync(shopper)).Should().Be((WorkedExamplePoints, 0), "a return asked for is not yet a refund");

        (await ApproveAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ProfilePointsAsync(shopper)).Should().Be((0, 0));
        (await StatementAsync(Shopper.DemoEmail)).Owed.Should().Be(0);
        await AssertEntriesAsync(number, PointsEntryKinds.Earned, PointsEntryKinds.Released, PointsEntryKinds.TakenBack);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Points_a_refunded_order_earned_and_that_were_spent_are_owed_and_paid_off_by_the_next_points_never_below_zero()
    {
        using var shopper = await _shop.SignedInAsync();
        using var admin = await AdminAsync(_shop);
        var earner = await PlaceAsync(shopper, productId: 1, quantity: 2);
        await DriveToAsync(shopper, admin, earner, OrderStatus.Delivered);
        var spender = await PlaceAsync(shopper);
        (await SpendAsync(Shopper.DemoEmail, spender, WorkedExamplePoints)).Should().BeTrue();

        await RefundAsync(shopper, admin, earner);

        (await StatementAsync(Shopper.DemoEmail)).Should().BeEquivalentTo(new { Available = 0L, Pending = CheapPoints, Owed = WorkedExamplePoints },
            "the spent points can't be taken off the balance, so they are owed");
        var page = await shopper.GetPageAsync("/account/profile");
        page.QuerySelector("[data-points-owed]")!.GetAttribute("data-points-owed").Should().Be($"{WorkedExamplePoints}");
        await Ledger.AssertReplaysAsync(_shop);

        await DriveToAsync(shopper, admin, spender, OrderStatus.Delivered);
        (await StatementAsync(Shopper.DemoEmail)).Should().BeEquivalentTo(new { Available = 0L, Pending = 0L, Owed = WorkedExamplePoints - CheapPoints },
            "the next points to become available pay off what is owed first");
        await Ledger.AssertReplaysAsync(_shop);

        await RefundAsync(shopper, admin, spender);
        (await StatementAsync(Shopper.DemoEmail)).Should().BeEquivalentTo(new { Available = 0L, Pending = 0L, Owed = 0L },
            "the spent points come back and pay off the rest; the refunded order's own points go with it");
        await AssertEntriesAsync(spender, PointsEntryKinds.Earned, PointsEntryKinds.Spent, PointsEntryKinds.Released, PointsEntryKinds.Returned, PointsEntryKinds.TakenBack);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Two_spends_of_the_same_points_at_once_succeed_once()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var admin = await AdminAsync(_shop);
        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));
        await DriveToAsync(shopper, admin, answer.OrderNumber!, OrderStatus.Delivered);
        var tabs = new[] { await PlaceAsync(shopper), await PlaceAsync(shopper) };
        const long Each = 10_000;

        // Both transactions start together and each holds its spend open a moment before committing, so on PostgreSQL
        // the second's guarded UPDATE waits on the first's row lock and then finds the points gone (SQLite queues them).
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var spends = tabs.Select(number => Task.Run(async () =>
        {
            await start.Task;
            return await SpendAsync(Shopper.DemoEmail, number, Each, holdFor: TimeSpan.FromMilliseconds(300));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(spends);

        results.Should().ContainSingle(spent => spent, "the same points can be spent once");
        (await StatementAsync(Shopper.DemoEmail)).Available.Should().Be(WorkedExamplePoints - Each);
        await using (var db = _shop.OpenDatabase())
        {
            (await db.PointsEntries.CountAsync(e => e.Kind == PointsEntryKinds.Spent)).Should().Be(1);
        }

        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_spend_of_more_points_than_available_changes_nothing()
    {
        using var shopper = await _shop.SignedInAsync();
        var number = await PlaceAsync(shopper);

        (await SpendAsync(Shopper.DemoEmail, number, 1)).Should().BeFalse("the points are still pending");

        (await StatementAsync(Shopper.DemoEmail)).Should().BeEquivalentTo(new { Available = 0L, Pending = CheapPoints, Owed = 0L });
        await AssertEntriesAsync(number, PointsEntryKinds.Earned);
    }

    [Fact]
    public async Task The_api_answers_the_points_and_their_history()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));
        using var app = await ApiClient.ForShopperAsync(_shop);

        using var response = await app.GetAsync("/api/v1/me/points");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var points = await ApiClient.ReadJsonAsync(response);
        points.GetProperty("available").GetInt64().Should().Be(0);
        points.GetProperty("pending").GetInt64().Should().Be(WorkedExamplePoints);
        points.GetProperty("owed").GetInt64().Should().Be(0);
        var entry = points.GetProperty("history").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("order_number").GetString().Should().Be(answer.OrderNumber);
        entry.GetProperty("kind").GetString().Should().Be("earned");
        entry.GetProperty("points").GetInt64().Should().Be(WorkedExamplePoints);
        entry.GetProperty("pending").GetInt64().Should().Be(WorkedExamplePoints);
        entry.GetProperty("at").GetString().Should().EndWith("Z");
        using var guest = ApiClient.Anonymous(_shop);
        (await guest.GetAsync("/api/v1/me/points")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>A delivered order returned and the return approved.</summary>
    private static async Task RefundAsync(Shopper shopper, Shopper admin, string number)
    {
        (await RequestReturnAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ApproveAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>The profile's two numbers, as the elements' data attributes carry them.</summary>
    private static async Task<(long Available, long Pending)> ProfilePointsAsync(Shopper shopper)
    {
        var page = await shopper.GetPageAsync("/account/profile");
        var available = page.QuerySelector("[data-points-available]") ?? throw new InvalidOperationException("The profile shows no available points.");
        var pending = page.QuerySelector("[data-points-pending]") ?? throw new InvalidOperationException("The profile shows no pending points.");
        available.TextContent.Replace(" ", "", StringComparison.Ordinal).Should().Be(available.GetAttribute("data-points-available"));
        return (long.Parse(available.GetAttribute("data-points-available")!, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(pending.GetAttribute("data-points-pending")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Spends as the checkout does: inside a write transaction, committed when the spend succeeds (after <paramref name="holdFor"/>).</summary>
    private async Task<bool> SpendAsync(string email, string orderNumber, long points, TimeSpan holdFor = default)
    {
        await using var scope = _shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var writes = scope.ServiceProvider.GetRequiredService<WriteTransactions>();
        await using var transaction = await writes.BeginAsync(db, CancellationToken.None);
        var spent = await scope.ServiceProvider.GetRequiredService<PointsWallet>().SpendAsync(db, userId, orderNumber, points, CancellationToken.None);
        await Task.Delay(holdFor);
        if (spent)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return spent;
    }

    private async Task<PointsStatement> StatementAsync(string email)
    {
        await using var db = _shop.OpenDatabase();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await _shop.Services.GetRequiredService<PointsWallet>().StatementAsync(db, userId, PointsStatement.LatestEntries, CancellationToken.None);
    }

    private async Task AssertEntriesAsync(string number, params string[] kinds)
    {
        await using var db = _shop.OpenDatabase();
        (await db.PointsEntries.Where(e => e.OrderNumber == number).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync())
            .Should().Equal(kinds);
    }
}
