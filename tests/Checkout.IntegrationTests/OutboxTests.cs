using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Infrastructure;
using Checkout.Web.Outbox;
using Checkout.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Checkout.IntegrationTests;

/// <summary>
/// The checkout writes <c>order.created</c> in its own commit; the worker delivers it to the e-mail and sales
/// handlers at least once and exactly once in effect, retries with backoff, and dead-letters what keeps failing.
/// </summary>
public sealed partial class OutboxTests
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(20);

    private readonly ShopClock _clock = new();

    [Fact]
    public async Task A_paid_order_is_mailed_in_Kazakh_and_counted_in_its_day()
    {
        var poll = TimeSpan.FromSeconds(1);
        using var shop = new ShopFactory { Clock = _clock, Settings = { ["Outbox:PollInterval"] = "00:00:01" } };
        var order = await PayAsync(shop);

        await using (var db = shop.OpenDatabase())
        {
            (await db.OutboxMessages.Where(m => m.Subject == order).Select(m => m.Type + " → " + m.Handler).ToListAsync())
                .Should().BeEquivalentTo("order.created → email", "order.created → daily-sales", "order.paid → referral");
        }

        await _clock.WaitForTimerAsync(poll); // the worker itself delivers, at its next poll
        _clock.Advance(poll);
        await shop.WaitForOutboxAsync();
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
        day.Day.Should().Be(ShopTime.Day(_clock.UtcNow));
        (day.Orders, day.Units, day.RevenueTiyn).Should().Be((1, 2, 185_348_000L));
    }

    [Fact]
    public async Task A_refused_payment_writes_no_event()
    {
        using var shop = new ShopFactory();
        using var shopper = await shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);

        (await shopper.PayAsync(new { card_id = SeededCards.DemoBcc })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        await using var db = shop.OpenDatabase();
        (await db.OutboxMessages.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_redelivered_confirmation_still_leaves_one_email()
    {
        using var shop = Shop();
        var order = await PayAsync(shop);
        await shop.DeliverOutboxAsync();
        var file = Path.Combine(shop.DataDirectory, "mail", $"{order}.eml");
        var first = await File.ReadAllTextAsync(file);

        await using (var db = shop.OpenDatabase())
        {
            await db.OutboxMessages.Where(m => m.Handler == "email")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedUtc, (DateTime?)null));
        }

        await shop.DeliverOutboxAsync();
        Directory.GetFiles(Path.Combine(shop.DataDirectory, "mail"), "*.eml").Should().ContainSingle();
        (await File.ReadAllTextAsync(file)).Should().Be(first);
    }

    [Fact]
    public async Task Many_orders_delivered_by_racing_workers_are_counted_once_each()
    {
        using var shop = Shop();
        using var shopper = await shop.SignedInAsync();
        for (var i = 0; i < 8; i++)
        {
            await shopper.AddToCartAsync(18, 1);
            (await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var worker = shop.Services.GetRequiredService<OutboxWorker>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => worker.DeliverDueAsync(CancellationToken.None))));
        await shop.DeliverOutboxAsync();

        await using var db = shop.OpenDatabase();
        (await db.OutboxMessages.CountAsync(m => m.ProcessedUtc == null)).Should().Be(0);
        var orders = await db.Orders.Select(o => o.TotalTiyn).ToListAsync();
        var sales = await db.DailySales.ToListAsync();
        sales.Sum(d => d.Orders).Should().Be(8);
        sales.Sum(d => d.RevenueTiyn).Should().Be(orders.Sum());
        Directory.GetFiles(Path.Combine(shop.DataDirectory, "mail"), "*.eml").Should().HaveCount(8);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_after_a_delay_that_doubles_up_to_the_maximum()
    {
        var flaky = new FlakyHandler(_clock, failures: 4);
        using var shop = Shop(flaky);
        var order = await PayAsync(shop);

        // The worker's polls, one a second on the shop's clock, until the fifth attempt gets through.
        await shop.DeliverOutboxAsync();
        for (var second = 1; second <= 60 && flaky.Calls.Count < 5; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await shop.DeliverOutboxAsync();
        }

        flaky.Calls.Select(at => (at - flaky.Calls[0]).TotalSeconds).Should().Equal([0, 5, 15, 35, 55],
            "the waits are 5 s (Outbox:FirstRetryDelay), then twice the one before — 10 s, 20 s — and never more than 20 s (Outbox:MaxRetryDelay)");
        await using var db = shop.OpenDatabase();
        var message = await db.OutboxMessages.SingleAsync(m => m.Handler == FlakyHandler.HandlerName);
        message.Subject.Should().Be(order);
        message.Attempts.Should().Be(5);
        message.ProcessedUtc.Should().NotBeNull();
        message.DeadLetteredUtc.Should().BeNull();
    }

    [Fact]
    public async Task What_keeps_failing_becomes_a_dead_letter_that_an_admin_sees_and_retries()
    {
        var broken = new FlakyHandler(_clock, failures: int.MaxValue);
        using var shop = Shop(broken, maxAttempts: 3);
        var order = await PayAsync(shop);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await shop.DeliverOutboxAsync();
            _clock.Advance(MaxRetryDelay);
        }

        OutboxMessage dead;
        await using (var db = shop.OpenDatabase())
        {
            dead = await db.OutboxMessages.SingleAsync(m => m.DeadLetteredUtc != null);
        }

        dead.Attempts.Should().Be(3);
        dead.LastError.Should().Contain("Handler is down");

        using var shopper = await shop.SignedInAsync();
        (await shopper.Http.GetAsync(new Uri("/admin/dead-letters", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await shopper.PostFormAsync($"/admin/dead-letters/{dead.Id}/retry", new Dictionary<string, string>()))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var admin = await OrderFlows.AdminAsync(shop);
        var page = await admin.GetPageAsync("/admin/dead-letters");
        var row = page.QuerySelector($"[data-dead-letter='{dead.Id}']")!;
        row.TextContent.Should().Contain(order).And.Contain(FlakyHandler.HandlerName).And.Contain("Handler is down");

        broken.Heal();
        var retried = await admin.PostFormAsync($"/admin/dead-letters/{dead.Id}/retry", new Dictionary<string, string>());
        retried.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await shop.DeliverOutboxAsync();
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
        var broken = new FlakyHandler(_clock, failures: int.MaxValue, writesDatabase);
        using var shop = Shop(broken);
        var order = await PayAsync(shop);

        await shop.DeliverOutboxAsync();

        await using var db = shop.OpenDatabase();
        var failed = await db.OutboxMessages.SingleAsync(m => m.Handler == FlakyHandler.HandlerName);
        failed.ProcessedUtc.Should().BeNull();
        failed.LastError.Should().Contain("Handler is down");
        (await db.OutboxMessages.CountAsync(m => m.Handler != FlakyHandler.HandlerName && m.ProcessedUtc == null)).Should().Be(0);
        (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(1, "the sales counter in the same batch committed, once");
        File.Exists(Path.Combine(shop.DataDirectory, "mail", $"{order}.eml")).Should().BeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a statement that fails in the database: PostgreSQL then refuses everything until the savepoint is rolled back to
    public async Task A_handler_that_fails_after_writing_is_undone_alone(bool failInTheDatabase)
    {
        using var shop = Shop(new WritingFailer(failInTheDatabase));
        var order = await PayAsync(shop);

        await shop.DeliverOutboxAsync();

        await using var db = shop.OpenDatabase();
        var failed = await db.OutboxMessages.SingleAsync(m => m.Handler == WritingFailer.HandlerName);
        failed.ProcessedUtc.Should().BeNull();
        failed.LastError.Should().NotBeNull();
        (await db.OutboxMessages.CountAsync(m => m.Handler != WritingFailer.HandlerName && m.ProcessedUtc == null)).Should().Be(0);
        (await db.DailySales.AnyAsync(d => d.Day == WritingFailer.Day)).Should().BeFalse("the failing handler's write is rolled back to its savepoint");
        (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(1);
        File.Exists(Path.Combine(shop.DataDirectory, "mail", $"{order}.eml")).Should().BeTrue();
    }

    [Fact]
    public async Task A_batch_part_of_which_another_worker_took_after_the_lease_ran_out_keeps_nothing_and_is_delivered_once_later()
    {
        var thief = new LeaseThief();
        using var shop = Shop(thief);
        var order = await PayAsync(shop);

        // The thief's message changes hands mid-delivery, as if this worker's lease had run out and another had claimed it.
        (await shop.Services.GetRequiredService<OutboxWorker>().DeliverDueAsync(CancellationToken.None)).Should().Be(4); // e-mail, sales count, the thief and the referral distribution

        await using (var db = shop.OpenDatabase())
        {
            (await db.OutboxMessages.CountAsync(m => m.ProcessedUtc != null)).Should().Be(0, "nothing of the batch is kept");
            (await db.DailySales.CountAsync()).Should().Be(0, "the sales count written beside the lost message is rolled back");
            (await db.OutboxMessages.CountAsync(m => m.LockToken != null)).Should().Be(0, "what the claim still held is let go");
        }

        await shop.DeliverOutboxAsync(); // claimed again at once, without waiting for the lease

        await using var after = shop.OpenDatabase();
        (await after.OutboxMessages.CountAsync(m => m.ProcessedUtc == null)).Should().Be(0);
        (await after.DailySales.SumAsync(d => d.Orders)).Should().Be(1, "the order is counted once");
        thief.Calls.Should().Be(2);
        File.Exists(Path.Combine(shop.DataDirectory, "mail", $"{order}.eml")).Should().BeTrue();
    }

    [Fact]
    public async Task A_long_error_is_cut_whole_characters_and_recorded_without_disturbing_the_batch()
    {
        // Cut at 2 000 characters it would end in half an emoji, which PostgreSQL refuses to store.
        var text = new string('x', 2000 - "IOException: ".Length - 1) + "\U0001F600 tail";
        using var shop = Shop(new FlakyHandler(_clock, failures: int.MaxValue, error: text));
        await PayAsync(shop);

        await shop.DeliverOutboxAsync();

        await using var db = shop.OpenDatabase();
        var failed = await db.OutboxMessages.SingleAsync(m => m.Handler == FlakyHandler.HandlerName);
        failed.LastError!.Length.Should().Be(1999);
        char.IsHighSurrogate(failed.LastError[^1]).Should().BeFalse();
        (await db.OutboxMessages.CountAsync(m => m.Handler != FlakyHandler.HandlerName && m.ProcessedUtc == null)).Should().Be(0);
        (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(1);
    }

    [Fact]
    public async Task A_dead_letter_after_a_very_long_error_keeps_its_note_within_the_column()
    {
        using var shop = Shop(new FlakyHandler(_clock, failures: int.MaxValue, error: new string('x', 3 * Lengths.LongText)), maxAttempts: 2);
        await PayAsync(shop);
        await shop.DeliverOutboxAsync(); // the first attempt fails: its error is cut to the column's length

        // The second attempt is claimed and its worker dies (a crash): the claim's lease runs out.
        _clock.Advance(MaxRetryDelay);
        await using (var db = shop.OpenDatabase())
        {
            var crashedUntil = _clock.UtcNow.AddSeconds(-1);
            await db.OutboxMessages.Where(m => m.Handler == FlakyHandler.HandlerName).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, 2).SetProperty(m => m.LockToken, Guid.NewGuid()).SetProperty(m => m.LockedUntilUtc, crashedUntil));
        }

        await shop.DeliverOutboxAsync(); // on PostgreSQL a note past varchar(2000) failed the whole claim, at every poll

        await using var check = shop.OpenDatabase();
        var dead = await check.OutboxMessages.SingleAsync(m => m.Handler == FlakyHandler.HandlerName);
        dead.DeadLetteredUtc.Should().NotBeNull();
        dead.LastError!.Length.Should().Be(Lengths.LongText, "the error is cut to make room for the note, which is kept whole");
        dead.LastError.Should().StartWith("IOException: xxx").And.EndWith("(the worker stopped during its last attempt)");
    }

    [Fact]
    public async Task A_message_whose_worker_died_on_every_attempt_becomes_a_dead_letter()
    {
        using var shop = Shop(maxAttempts: 3);
        _ = shop.Services;
        var past = _clock.UtcNow.AddMinutes(-1);
        await using (var db = shop.OpenDatabase())
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Type = OutboxEvents.OrderCreated, Handler = "email", Subject = "ORD-POISON", Payload = "{}",
                CreatedUtc = past, NextAttemptUtc = past, Attempts = 3, LockedUntilUtc = past, LockToken = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }

        await shop.DeliverOutboxAsync();

        await using var check = shop.OpenDatabase();
        var dead = await check.OutboxMessages.SingleAsync();
        dead.DeadLetteredUtc.Should().NotBeNull();
        dead.Attempts.Should().Be(3, "it is not tried a fourth time");
        dead.LastError.Should().Contain("worker stopped");
    }

    [PostgresFact] // its own PostgreSQL shop, whichever provider the suite runs on
    public async Task On_PostgreSQL_two_workers_claiming_at_once_take_disjoint_batches_without_waiting_for_each_other()
    {
        var name = $"checkout_outbox_{Guid.NewGuid():N}";
        var connectionString = TestDatabase.PostgresDatabase(name);
        TestDatabase.ExecuteOnServer($"CREATE DATABASE \"{name}\"");
        var recorder = new RecordingHandler();
        var hold = new HoldsFirstCommit();
        try
        {
            using var shop = new ShopFactory
            {
                Settings = { ["Database:Provider"] = ShopDatabase.Postgres, ["ConnectionStrings:Shop"] = connectionString, ["Outbox:BatchSize"] = "3" },
                TestDeliversOutbox = true, // the shop's own polls would race the test's two claims
                TestServices = services =>
                {
                    services.AddSingleton<IOutboxHandler>(recorder);
                    services.ConfigureDbContext<PostgresShopDbContext>(options => options.AddInterceptors(hold));
                },
            };
            var worker = shop.Services.GetRequiredService<OutboxWorker>();
            await using (var db = ShopDatabase.Open(ShopDatabase.Postgres, connectionString))
            {
                var past = DateTime.UtcNow.AddMinutes(-1);
                db.OutboxMessages.AddRange(Enumerable.Range(1, 6).Select(i => new OutboxMessage
                {
                    Type = OutboxEvents.OrderCreated, Handler = RecordingHandler.HandlerName, Subject = $"ORD-{i}", Payload = "{}",
                    CreatedUtc = past, NextAttemptUtc = past,
                }));
                await db.SaveChangesAsync();
            }

            var first = Task.Run(() => hold.HoldingAsync(() => worker.DeliverDueAsync(CancellationToken.None)));
            await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30)); // the first claim has its rows and waits to commit
            int second;
            List<(long Id, Guid? Claim)> deliveredWhileHeld;
            try
            {
                second = await worker.DeliverDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
                deliveredWhileHeld = [.. recorder.Calls];
            }
            finally
            {
                hold.Release();
            }

            (await first).Should().Be(3);
            second.Should().Be(3, "the second claim passes over the rows the first one's open transaction holds");
            deliveredWhileHeld.Should().HaveCount(3);
            var batches = recorder.Calls.GroupBy(c => c.Claim).Select(g => g.Select(c => c.Id).Order().ToList()).ToList();
            batches.Should().HaveCount(2).And.OnlyContain(ids => ids.Count == 3);
            batches.SelectMany(ids => ids).Should().OnlyHaveUniqueItems().And.HaveCount(6);
            batches.Should().ContainEquivalentOf(deliveredWhileHeld.Select(c => c.Id).Order().ToList(),
                "what was delivered while the first claim was open is exactly the second claim's batch");

            await using var check = ShopDatabase.Open(ShopDatabase.Postgres, connectionString);
            (await check.OutboxMessages.Where(m => m.ProcessedUtc != null).Select(m => m.Attempts).ToListAsync()).Should().Equal(1, 1, 1, 1, 1, 1);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestDatabase.ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// A shop whose outbox only the test delivers, so each delivery happens when the test says, at the time the test
    /// moved the clock to.
    /// </summary>
    private ShopFactory Shop(IOutboxHandler? handler = null, int? maxAttempts = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Outbox:FirstRetryDelay"] = $"{FirstRetryDelay:c}",
            ["Outbox:MaxRetryDelay"] = $"{MaxRetryDelay:c}",
        };
        if (maxAttempts is { } attempts)
        {
            settings["Outbox:MaxAttempts"] = $"{attempts}";
        }

        return new ShopFactory
        {
            Clock = _clock,
            Settings = settings,
            TestDeliversOutbox = true,
            TestServices = services =>
            {
                if (handler is not null)
                {
                    services.AddSingleton(handler);
                }
            },
        };
    }

    private static async Task<string> PayAsync(ShopFactory shop)
    {
        using var shopper = await shop.SignedInAsync();
        return await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 2);
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

    /// <summary>A handler of <c>order.created</c> that fails a number of times, then works; notes when (on the shop's clock) it was called.</summary>
    private sealed class FlakyHandler(TimeProvider clock, int failures, bool writesDatabase = true, string error = "Handler is down") : IOutboxHandler
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
                Calls.Add(clock.GetUtcNow().UtcDateTime);
            }

            return Interlocked.Decrement(ref _failures) >= 0 ? throw new IOException(error) : Task.CompletedTask;
        }
    }

    /// <summary>A handler that notes which message it was given under which claim.</summary>
    private sealed class RecordingHandler : IOutboxHandler
    {
        public const string HandlerName = "recording";

        private readonly ConcurrentQueue<(long Id, Guid? Claim)> _calls = new();

        public IEnumerable<(long Id, Guid? Claim)> Calls => _calls;

        public string EventType => OutboxEvents.OrderCreated;

        public string Name => HandlerName;

        public bool WritesDatabase => false;

        public Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
        {
            _calls.Enqueue((message.Id, message.LockToken));
            return Task.CompletedTask;
        }
    }

    /// <summary>Holds open the first transaction committed inside <see cref="HoldingAsync"/> (its locks with it) until released.</summary>
    private sealed class HoldsFirstCommit : DbTransactionInterceptor
    {
        private static readonly AsyncLocal<bool> Holding = new();

        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public async Task<T> HoldingAsync<T>(Func<Task<T>> run)
        {
            Holding.Value = true;
            return await run();
        }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Holding.Value && Interlocked.Exchange(ref _held, 1) == 0)
            {
                _reached.TrySetResult();
                await _released.Task;
            }

            return result;
        }
    }

    /// <summary>The first time, hands its own message to another claim inside the delivery, as a worker whose lease ran out finds it.</summary>
    private sealed class LeaseThief : IOutboxHandler
    {
        public const string HandlerName = "lease-thief";

        public int Calls { get; private set; }

        public string EventType => OutboxEvents.OrderCreated;

        public string Name => HandlerName;

        public bool WritesDatabase => true;

        public async Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
        {
            if (++Calls == 1)
            {
                var other = Guid.NewGuid();
                await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, other), ct);
            }
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
