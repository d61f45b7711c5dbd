using Checkout.Web.Domain;

namespace Checkout.Web.Features.Loyalty;

/// <summary>A shopper's points as the profile and the API show them: the balance, and the latest entries newest first.</summary>
public sealed record PointsStatement(long Available, long Pending, long Owed, IReadOnlyList<PointsEntry> History);
