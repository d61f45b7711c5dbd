namespace Checkout.Web.Domain;

public static class StockReasons
{
    /// <summary>The stock a product started with (or had when the stock ledger began).</summary>
    public const string Opening = "opening";

    public const string Sale = "sale";

    /// <summary>Units back on the shelf from a cancelled order.</summary>
    public const string Cancel = "cancel";

    /// <summary>Units back on the shelf from an approved return.</summary>
    public const string Return = "return";

    /// <summary>An admin's correction of the count.</summary>
    public const string Adjustment = "adjustment";
}
