namespace Checkout.Web.Domain;

/// <summary>The VAT included in <see cref="Gross"/>, everything the order charges at <see cref="Rate"/> %.</summary>
public sealed record VatAmount(int Rate, Money Gross, Money Vat);
