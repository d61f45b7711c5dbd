using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;
using Checkout.Web.Outbox;
using Checkout.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>
/// The checkout writes <c>order.created</c> in its own commit; the worker delivers it to the e-mail and sales
/// handlers at least once and exactly once in effect, retries with backoff, and dead-letters what keeps failing.
/// </summary>
public sealed partial class OutboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_paid_order_is_mailed_in_Kazakh_and_counted_in_its_day()
    {
        using var shop = new ShopFactory();
        var order = await PayAsync(shop);

        await using (var db = shop.OpenDatabase())
        {
            (await db.OutboxMessages.Where(m => m.Subject == order).Select(m => m.Type + " → " + m.Handler).ToListAsync())
                .Should().BeEquivalentTo("order.created → email", "order.created → daily-sales");
        }

        await WaitUntilDeliveredAsync(shop);
        var mail = await File.ReadAllTextAsync(Path.Combine(shop.DataDirectory, "mail", $"{order}.eml"));
        mail.Should().Contain("To: demo@checkout.local");
        Header(mail, "Subject").Should().Be($"Тапсырысыңыз қабылданды: {order}");
        var body = Body(mail);
        body.Should().Contain("Сәлеметсіз бе, Айгерім Сейітқызы!")
            .And.Contain("Apple iPhone 17 Pro Max, Оранжевый, 256GB (Kaspi.kz) × 2 — 1 851 980 ₸")
            .And.Contain("Барлығы: 1 853 480 ₸")
            .And.Contain("Kaspi Gold");
        Directory.GetFiles(Path.Combine(shop.DataDirectory, "mail"), "*.eml").Should().ContainSingle();

        await using var check = shop.OpenDatabase();
        var day = await check.DailySales.SingleAsync();
        day.Day.Should().Be(ShopTime.Day(DateTime.UtcNow));
        (day.Orders, day.Units, day.RevenueTiyn).Should().Be((1, 2, 185_348_000L));
    }

    [Fact]
    public async Task A_refused_payment_writes_no_event()
    {
        using var shop = new ShopFactory();
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);

        (await shopper.PayAsync(new { card_id = SeededCards.DemoBcc })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        await using var db = shop.OpenDatabase();
        (await db.OutboxMessages.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_redelivered_confirmation_still_leaves_one_email()
    {
        using var shop = new ShopFactory();
        var order = await PayAsync(shop);
        await WaitUntilDeliveredAsync(shop);
        var file = Path.Combine(shop.DataDirectory, "mail", $"{order}.eml");
        var first = await File.ReadAllTextAsync(file);

        await using (var db = shop.OpenDatabase())
        {
            await db.OutboxMessages.Where(m => m.Handler == "email")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedUtc, (DateTime?)null));
        }

        await WaitUntilDeliveredAsync(shop);
        Directory.GetFiles(Path.Combine(shop.DataDirectory, "mail"), "*.eml").Should().ContainSingle();
        (await File.ReadAllTextAsync(file)).Should().Be(first);
    }

    [Fact]
    public async Task Many_orders_delivered_by_racing_workers_are_counted_once_each()
    {
        using var shop = new ShopFactory();
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        for (var i = 0; i < 8; i++)
        {
            await shopper.AddToCartAsync(18, 1);
            (await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var worker = shop.Services.GetRequiredService<OutboxWorker>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => worker.DeliverDueAsync(CancellationToken.None))));
        await WaitUntilDeliveredAsync(shop);

        await using var db = shop.OpenDatabase();
        var orders = await db.Orders.Select(o => o.TotalTiyn).ToListAsync();
        var sales = await db.DailySales.ToListAsync();
        sales.Sum(d => d.Orders).Should().Be(8);
        sales.Sum(d => d.RevenueTiyn).Should().Be(orders.Sum());
        Directory.GetFiles(Path.Combine(shop.DataDirectory, "mail"), "*.eml").Should().HaveCount(8);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_until_it_succeeds()
    {
        var flaky = new FlakyHandler(failures: 2);
        using var shop = new ShopFactory { TestServices = s => s.AddSingleton<IOutboxHandler>(flaky) };
        var order = await PayAsync(shop);

        await WaitUntilDeliveredAsync(shop);

        await using var db = shop.OpenDatabase();
        var message = await db.OutboxMessages.SingleAsync(m => m.Handler == FlakyHandler.HandlerName);
        message.Subject.Should().Be(order);
        message.Attempts.Should().Be(3);
        message.DeadLetteredUtc.Should().BeNull();
        flaky.Calls.Should().HaveCount(3);
        (flaky.Calls[2] - flaky.Calls[1]).Should().BeGreaterThan(flaky.Calls[1] - flaky.Calls[0] - TimeSpan.FromMilliseconds(30),
            "each wait is twice the one before (50 ms, then 100 ms)");
    }

    [Fact]
    public async Task What_keeps_failing_becomes_a_dead_letter_that_an_admin_sees_and_retries()
    {
        var broken = new FlakyHandler(failures: int.MaxValue);
        using var shop = new ShopFactory
        {
            TestServices = s => s.AddSingleton<IOutboxHandler>(broken),
            Settings = { ["Outbox:MaxAttempts"] = "3" },
        };
        var order = await PayAsync(shop);
        var dead = await WaitForAsync(shop, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.DeadLetteredUtc != null));
        dead.Attempts.Should().Be(3);
        dead.LastError.Should().Contain("Handler is down");

        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        (await shopper.Http.GetAsync(new Uri("/admin/dead-letters", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await shopper.PostFormAsync($"/admin/dead-letters/{dead.Id}/retry", new Dictionary<string, string>()))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var admin = shop.CreateShopper();
        await admin.LoginAsync("admin@checkout.local", "Admin123!");
        var page = await admin.GetPageAsync("/admin/dead-letters");
        var row = page.QuerySelector($"[data-dead-letter='{dead.Id}']")!;
        row.TextContent.Should().Contain(order).And.Contain(FlakyHandler.HandlerName).And.Contain("Handler is down");

        broken.Heal();
        var retried = await admin.PostFormAsync($"/admin/dead-letters/{dead.Id}/retry", new Dictionary<string, string>());
        retried.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await WaitUntilDeliveredAsync(shop);
        await using (var db = shop.OpenDatabase())
        {
            (await db.OutboxMessages.SingleAsync(m => m.Id == dead.Id)).ProcessedUtc.Should().NotBeNull();
        }

        var again = await admin.PostFormAsync($"/admin/dead-letters/{dead.Id}/retry", new Dictionary<string, string>());
        again.StatusCode.Should().Be(HttpStatusCode.NotFound, "a delivered message is no dead letter any more");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failing_handler_does_not_undo_the_rest_of_its_batch(bool writesDatabase)
    {
        var broken = new FlakyHandler(failures: int.MaxValue, writesDatabase);
        using var shop = new ShopFactory { TestServices = s => s.AddSingleton<IOutboxHandler>(broken) };
        var order = await PayAsync(shop);

        var failed = await WaitForAsync(shop, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.Handler == FlakyHandler.HandlerName && m.LastError != null));
        await WaitForAsync(shop, async db => await db.OutboxMessages.AnyAsync(m => m.Handler != FlakyHandler.HandlerName && m.ProcessedUtc == null) ? null : "delivered");

        failed.ProcessedUtc.Should().BeNull();
        failed.LastError.Should().Contain("Handler is down");
        await using var db = shop.OpenDatabase();
        (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(1, "the sales counter in the same batch committed, once");
        File.Exists(Path.Combine(shop.DataDirectory, "mail", $"{order}.eml")).Should().BeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a statement that fails in the database: PostgreSQL then refuses everything until the savepoint is rolled back to
    public async Task A_handler_that_fails_after_writing_is_undone_alone(bool failInTheDatabase)
    {
        var broken = new WritingFailer(failInTheDatabase);
        using var shop = new ShopFactory { TestServices = s => s.AddSingleton<IOutboxHandler>(broken) };
        var order = await PayAsync(shop);

        var failed = await WaitForAsync(shop, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.Handler == WritingFailer.HandlerName && m.LastError != null));
        await WaitForAsync(shop, async db => await db.OutboxMessages.AnyAsync(m => m.Handler != WritingFailer.HandlerName && m.ProcessedUtc == null) ? null : "delivered");

        failed.ProcessedUtc.Should().BeNull();
        await using var db = shop.OpenDatabase();
        (await db.DailySales.AnyAsync(d => d.Day == WritingFailer.Day)).Should().BeFalse("the failing handler's write is rolled back to its savepoint");
        (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(1);
        File.Exists(Path.Combine(shop.DataDirectory, "mail", $"{order}.eml")).Should().BeTrue();
    }

    [Fact]
    public async Task A_long_error_is_cut_whole_characters_and_recorded_without_disturbing_the_batch()
    {
        // Cut at 2 000 characters it would end in half an emoji, which PostgreSQL refuses to store.
        var text = new string('x', 2000 - "IOException: ".Length - 1) + "\U0001F600 tail";
        var broken = new FlakyHandler(failures: int.MaxValue, error: text);
        using var shop = new ShopFactory { TestServices = s => s.AddSingleton<IOutboxHandler>(broken) };
        await PayAsync(shop);

        var failed = await WaitForAsync(shop, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.Handler == FlakyHandler.HandlerName && m.LastError != null));
        await WaitForAsync(shop, async db => await db.OutboxMessages.AnyAsync(m => m.Handler != FlakyHandler.HandlerName && m.ProcessedUtc == null) ? null : "delivered");

        failed.LastError!.Length.Should().Be(1999);
        char.IsHighSurrogate(failed.LastError[^1]).Should().BeFalse();
        await using var db = shop.OpenDatabase();
        (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(1);
    }

    [Fact]
    public async Task A_message_whose_worker_died_on_every_attempt_becomes_a_dead_letter()
    {
        using var shop = new ShopFactory { Settings = { ["Outbox:MaxAttempts"] = "3" } };
        _ = shop.Services;
        var past = DateTime.UtcNow.AddMinutes(-1);
        await using (var db = shop.OpenDatabase())
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Type = OutboxEvents.OrderCreated, Handler = "email", Subject = "ORD-POISON", Payload = "{}",
                CreatedUtc = past, NextAttemptUtc = past, Attempts = 3, LockedUntilUtc = past, LockToken = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }

        var dead = await WaitForAsync(shop, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.DeadLetteredUtc != null));

        dead.Attempts.Should().Be(3, "it is not tried a fourth time");
        dead.LastError.Should().Contain("worker stopped");
    }

    private static async Task<string> PayAsync(ShopFactory shop)
    {
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));
        answer.Status.Should().Be(HttpStatusCode.OK);
        return answer.OrderNumber!;
    }

    private static async Task WaitUntilDeliveredAsync(ShopFactory shop)
    {
        await WaitForAsync(shop, async db => await db.OutboxMessages.AnyAsync() ? "written" : null);
        await shop.WaitForOutboxAsync();
    }

    private static async Task<T> WaitForAsync<T>(ShopFactory shop, Func<ShopDbContext, Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var db = shop.OpenDatabase())
            {
                if (await probe(db) is { } found)
                {
                    return found;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox did not get there in time.");
            }

            await Task.Delay(50);
        }
    }

    private static string Header(string mail, string name)
    {
        var value = Regex.Match(mail, $@"^{name}: ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", RegexOptions.Multiline).Groups[1].Value;
        return string.Concat(EncodedWord().Matches(value).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))));
    }

    private static string Body(string mail) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(mail[(mail.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "")));

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    /// <summary>A handler of <c>order.created</c> that fails a number of times, then works.</summary>
    private sealed class FlakyHandler(int failures, bool writesDatabase = true, string error = "Handler is down") : IOutboxHandler
    {
        public const string HandlerName = "flaky";

        private int _failures = failures;

        public List<DateTime> Calls { get; } = [];

        public string EventType => OutboxEvents.OrderCreated;

        public string Name => HandlerName;

        public bool WritesDatabase => writesDatabase;

        public void Heal() => _failures = 0;

        public Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
        {
            lock (Calls)
            {
                Calls.Add(DateTime.UtcNow);
            }

            return Interlocked.Decrement(ref _failures) >= 0 ? throw new IOException(error) : Task.CompletedTask;
        }
    }

    /// <summary>Writes a row, then fails (in the database, or after it).</summary>
    private sealed class WritingFailer(bool failInTheDatabase) : IOutboxHandler
    {
        public const string HandlerName = "writing-failer";

        public const string Day = "failer";

        public string EventType => OutboxEvents.OrderCreated;

        public string Name => HandlerName;

        public bool WritesDatabase => true;

        public async Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
        {
            var insert = $"""INSERT INTO "DailySales" ("Day", "Orders", "Units", "RevenueTiyn") VALUES ('{Day}', 1, 1, 1)""";
            await db.Database.ExecuteSqlRawAsync(insert, ct);
            if (failInTheDatabase)
            {
                await db.Database.ExecuteSqlRawAsync(insert, ct); // the same day again: a duplicate key
            }

            throw new IOException("Handler is down");
        }
    }
}
