using Checkout.Web.Data;

namespace Checkout.Web.Workers;

/// <summary>Runs every <see cref="IScheduledJob"/> on its own interval, each run in a write transaction.</summary>
public sealed partial class ScheduledJobsWorker(
    IServiceScopeFactory scopes,
    IEnumerable<IScheduledJob> jobs,
    WriteTransactions writes,
    TimeProvider clock,
    ILogger<ScheduledJobsWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RepeatAsync(job, stoppingToken)));

    /// <summary>Runs a job once, now; returns how many rows it removed.</summary>
    public async Task<int> RunOnceAsync(IScheduledJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        if (job.OwnTransactions)
        {
            return await job.RunAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        }

        await using var transaction = await writes.BeginAsync(db, ct);
        var removed = await job.RunAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    private async Task RepeatAsync(IScheduledJob job, CancellationToken stoppingToken)
    {
        if (job.Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The interval of job {job.Name} must be positive; configuration gives {job.Interval}.");
        }

        using var timer = new PeriodicTimer(job.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await RunOnceAsync(job, stoppingToken);
                LogRan(log, job.Name, removed);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(log, failure, job.Name); // the next tick tries again
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} removed {Removed} rows")]
    private static partial void LogRan(ILogger logger, string job, int removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception failure, string job);
}
