namespace Checkout.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown to shoppers in Kazakhstan's time (Almaty, UTC+5).</summary>
public static class ShopTime
{
    private static readonly TimeZoneInfo Kazakhstan = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Almaty", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("UTC+5", TimeSpan.FromHours(5), "UTC+5", "UTC+5");

    /// <summary>The shop's calendar day of a moment: the day sales are counted on, orders are numbered and filtered by.</summary>
    public static DateOnly Date(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Kazakhstan));

    /// <summary>The shop's local date of a moment, <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateTime utc) => Date(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The UTC instant a calendar day begins in Kazakhstan: the admin's date filters mean local days.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        day <= DateOnly.MinValue.AddDays(1) ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) // the calendar's edges
        : day >= DateOnly.MaxValue.AddDays(-1) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Kazakhstan);

    public static string Show(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Kazakhstan)
            .ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
