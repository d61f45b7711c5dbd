namespace Checkout.Web.Data;

/// <summary>Configuration section <c>Seed</c>: whether and from where the demo data is loaded into an empty database.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool DemoData { get; set; }

    /// <summary>The folder of the seed files; null: <c>seed</c> next to the binaries.</summary>
    public string? Directory { get; set; }
}
