using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// Every transition over HTTP, legal and illegal, for admins (the status form, the returns queue) and shoppers
/// (cancel, return). Legal ones answer with a redirect and move the order; illegal ones answer 409 with the reason
/// in Kazakh and change nothing.
/// </summary>
public sealed class OrderLifecycleTests : IDisposable
{
    private static readonly OrderStatus[] AdminTargets =
        [OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled];

    /// <summary>seed 002's table, written out here rather than read from the code under test.</summary>
    private static readonly Dictionary<OrderStatus, OrderStatus[]> AdminMayMove = new()
    {
        [OrderStatus.Pending] = [OrderStatus.Processing, OrderStatus.Cancelled],
        [OrderStatus.Processing] = [OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Completed],
        [OrderStatus.Delivered] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.ReturnRequested] = [], // decided in the returns queue
        [OrderStatus.Refunded] = [],
    };

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Processing)]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.ReturnRequested)]
    [InlineData(OrderStatus.Refunded)]
    public async Task Admin_status_form_moves_exactly_the_legal_transitions_from(OrderStatus from)
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);

        foreach (var to in AdminTargets)
        {
            var number = await PlaceAsync(shopper);
            await DriveToAsync(shopper, admin, number, from);

            var response = await SetStatusAsync(admin, number, to);

            if (AdminMayMove[from].Contains(to))
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{from} → {to} is legal");
                (await StatusAsync(_shop, number)).Should().Be(to);
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Conflict, $"{from} → {to} is illegal");
                (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.Should().Contain("ауыстыруға болмайды");
                (await StatusAsync(_shop, number)).Should().Be(from, "a refused transition changes nothing");
            }
        }
    }

    [Fact]
    public async Task An_unknown_status_is_refused_with_400()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);

        foreach (var status in new[] { "refunded", "return_requested", "pending", "lost", "" })
        {
            (await SetStatusAsync(admin, number, status)).StatusCode.Should().Be(HttpStatusCode.BadRequest, status);
        }

        (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Pending);
    }

    [Theory]
    [InlineData(OrderStatus.Pending, true)]
    [InlineData(OrderStatus.Processing, true)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, false)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.ReturnRequested, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public async Task Shopper_may_cancel_only_while_pending_or_processing(OrderStatus from, bool allowed)
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, number, from);
        var balance = await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold);

        var response = await CancelAsync(shopper, number);

        if (allowed)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Cancelled);
            (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(balance + CheapTotal.Tiyn);
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.Should().Contain("ауыстыруға болмайды");
            (await StatusAsync(_shop, number)).Should().Be(from);
            (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(balance);
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, false)]
    [InlineData(OrderStatus.Processing, false)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.ReturnRequested, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public async Task Shopper_may_request_a_return_only_of_a_delivered_or_completed_order(OrderStatus from, bool allowed)
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, number, from);

        var response = await RequestReturnAsync(shopper, number);

        response.StatusCode.Should().Be(allowed ? HttpStatusCode.Redirect : HttpStatusCode.Conflict);
        (await StatusAsync(_shop, number)).Should().Be(allowed ? OrderStatus.ReturnRequested : from);
    }

    [Fact]
    public async Task A_return_can_be_requested_once_per_order_and_needs_a_reason()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, number, OrderStatus.Delivered);

        (await RequestReturnAsync(shopper, number, "   ")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RequestReturnAsync(shopper, number, new string('ы', 1001))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RequestReturnAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RejectAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Delivered);

        var again = await RequestReturnAsync(shopper, number);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(again)).QuerySelector(".alert-error")!.TextContent.Should().Contain("бір рет қана");
        (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Delivered);
        await using var db = _shop.OpenDatabase();
        (await db.Returns.SingleAsync()).Status.Should().Be(ReturnStatus.Rejected);
    }

    [Fact]
    public async Task Approving_a_return_refunds_the_card_and_restocks_rejecting_does_neither()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);
        var approved = await PlaceAsync(shopper, quantity: 2);
        var rejected = await PlaceAsync(shopper);
        foreach (var number in new[] { approved, rejected })
        {
            await DriveToAsync(shopper, admin, number, OrderStatus.ReturnRequested);
        }

        (await ApproveAsync(admin, approved)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RejectAsync(admin, rejected)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await StatusAsync(_shop, approved)).Should().Be(OrderStatus.Refunded);
        (await StatusAsync(_shop, rejected)).Should().Be(OrderStatus.Delivered);
        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances[SeededCards.DemoKaspiGold].Should().Be(before.CardBalances[SeededCards.DemoKaspiGold] - CheapTotal.Tiyn,
            "only the rejected order stays paid");
        after.Stock[CheapProduct].Should().Be(before.Stock[CheapProduct] - 1);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Refunded)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task Approving_or_rejecting_without_a_pending_return_is_refused(OrderStatus from)
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, number, from);
        var before = await ShopState.ReadAsync(_shop);

        (await ApproveAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await RejectAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await StatusAsync(_shop, number)).Should().Be(from);
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_shopper_cannot_touch_someone_elses_order()
    {
        using var demo = _shop.CreateShopper();
        using var aidos = _shop.CreateShopper();
        await demo.LoginAsync();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        var number = await PlaceAsync(demo);

        (await CancelAsync(aidos, number)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await aidos.Http.GetAsync(new Uri($"/orders/{number}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task The_order_page_shows_the_state_and_a_timeline_of_who_moved_it_when()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, number, OrderStatus.ReturnRequested);

        var page = await shopper.GetPageAsync($"/orders/{number}");

        (await shopper.Http.GetStringAsync(new Uri($"/orders/{number}", UriKind.Relative)))
            .Should().Contain("data-status=\"return_requested\">Қайтару сұралды<", "the English name and the Kazakh label sit together in the raw markup");
        var status = page.QuerySelector(".order-status")!;
        status.GetAttribute("data-status").Should().Be("return_requested");
        status.TextContent.Should().Be("Қайтару сұралды");
        page.QuerySelectorAll(".timeline-step").Select(s => s.GetAttribute("data-status") + "/" + s.GetAttribute("data-actor"))
            .Should().Equal("pending/shopper", "processing/admin", "shipped/admin", "delivered/admin", "return_requested/shopper");
        page.QuerySelectorAll(".timeline-step time").Should().OnlyContain(t => !string.IsNullOrEmpty(t.GetAttribute("datetime")));
        page.QuerySelectorAll(".timeline-actor")[1].TextContent.Should().Contain(AdminEmail);
        page.QuerySelector(".timeline-note")!.TextContent.Should().Be("Құлаққап дұрыс жұмыс істемейді");
    }

    [Fact]
    public async Task Admin_pages_answer_403_to_guests_and_shoppers()
    {
        using var guest = _shop.CreateShopper();
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper);

        foreach (var path in new[] { "/admin", "/admin/orders", $"/admin/orders/{number}", "/admin/returns", "/admin/products", "/admin/products/new", "/admin/products/1" })
        {
            (await guest.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden, path);
            (await shopper.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden, path);
            (await admin.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        (await SetStatusAsync(shopper, number, OrderStatus.Processing)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SetStatusAsync(guest, number, OrderStatus.Processing)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task Admin_lists_orders_filtered_by_state_and_date()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var shipped = await PlaceAsync(shopper);
        var pending = await PlaceAsync(shopper);
        await DriveToAsync(shopper, admin, shipped, OrderStatus.Shipped);
        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        async Task<List<string>> ListAsync(string query) =>
            [.. (await admin.GetPageAsync("/admin/orders" + query)).QuerySelectorAll("tr[data-order-number]").Select(r => r.GetAttribute("data-order-number")!)];

        (await ListAsync("?status=shipped")).Should().Equal(shipped);
        (await ListAsync("?status=pending")).Should().Equal(pending);
        (await ListAsync($"?from={today}&to={today}")).Should().BeEquivalentTo([shipped, pending]);
        (await ListAsync("?to=2020-01-01")).Should().BeEmpty();
        (await ListAsync("?from=0001-01-01&to=9999-12-31")).Should().BeEquivalentTo([shipped, pending], "the calendar's edges are days too");
    }
}
