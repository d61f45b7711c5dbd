using Microsoft.AspNetCore.Authorization;

namespace Checkout.Web.Features.Account;

/// <summary>The shop's roles and the policies built on them, named once for attributes, views and the seeder.</summary>
public static class Roles
{
    public const string Admin = "admin";

    /// <summary>The admin area: a signed-in user with the <see cref="Admin"/> role.</summary>
    public const string AdminPolicy = "AdminArea";

    public static AuthorizationBuilder AddShopPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(AdminPolicy, policy => policy.RequireRole(Admin));
}
