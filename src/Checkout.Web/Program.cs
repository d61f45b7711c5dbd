using Checkout.Web.Data;
using Checkout.Web.Features.Account;
using Checkout.Web.Features.Admin;
using Checkout.Web.Features.Api;
using Checkout.Web.Features.Api.Docs;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Catalog;
using Checkout.Web.Features.Checkout;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Errors;
using Checkout.Web.Features.Inventory;
using Checkout.Web.Features.Loyalty;
using Checkout.Web.Features.Orders;
using Checkout.Web.Features.Payments;
using Checkout.Web.Features.Referrals;
using Checkout.Web.Infrastructure;
using Checkout.Web.Infrastructure.Idempotency;
using Checkout.Web.Outbox;
using Checkout.Web.Workers;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

var dataDirectory = ShopPaths.DataDirectory(builder.Configuration, builder.Environment);

builder.Services.AddShopLogging(builder.Configuration, dataDirectory);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddShopDatabase(builder.Configuration, dataDirectory);
builder.Services.AddDemoData();
builder.Services.AddShopDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddShopForwardedHeaders();
builder.Services.AddShopWeb();
builder.Services.AddShopRateLimits();
builder.Services.AddAccounts();
builder.Services.AddShopApi(); // after AddAccounts: /api authenticates by bearer token, the pages by cookie
builder.Services.AddIdempotency();
builder.Services.AddInventory();
builder.Services.AddCatalog();
builder.Services.AddCarts();
builder.Services.AddCoupons();
builder.Services.AddLoyalty();
builder.Services.AddReferrals();
builder.Services.AddCheckout();
builder.Services.AddOrders();
builder.Services.AddPayments(builder.Configuration, builder.Environment, dataDirectory);
builder.Services.AddAdmin(dataDirectory);
builder.Services.AddOutbox(dataDirectory);
builder.Services.AddScheduledJobs();

var app = builder.Build();

// A bad setting stops the shop here, with a message naming its key, before the database is touched.
app.Services.GetRequiredService<IStartupValidator>().Validate();

if (args is ["verify", .. var verifyArgs])
{
    // Before migrations and seeding: the check only reads, whatever the database holds.
    Environment.ExitCode = await Checkout.Web.Operations.VerifyCommand.RunAsync(app.Services, verifyArgs, Console.Out);
    return;
}

await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
if (args is ["seed-shoppers", .. var seedArgs])
{
    await Checkout.Web.Operations.SeedShoppersCommand.RunAsync(app.Services, string.Join(' ', seedArgs));
    return;
}

app.UseForwardedHeaders(); // first, so everything after (HSTS, Secure cookies, absolute URLs, the log) sees what the proxy saw
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseShopRequestLogging();
app.UseShopErrorPages();
app.UseSecurityHeaders();
app.UseShopCulture();
app.UseStaticFiles();
app.UseProductImages();
app.UseRouting();
app.UseShopApi();
app.UseAuthentication();
app.UseShopRateLimits(); // after authentication: a signed-in shopper is counted by account
app.UseAuthorization();

app.MapHealthChecks("/health");
app.MapApiDocs();
app.MapControllers().WithShopRateLimits();

await app.RunAsync();
