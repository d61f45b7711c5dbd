namespace Checkout.Web.Domain;

public static class ReturnStatus
{
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public const int MaxReasonLength = 1000;
}
