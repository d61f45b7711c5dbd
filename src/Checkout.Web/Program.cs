using System.Globalization;
using Checkout.Web;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Checkout;
using Checkout.Web.Features.Inventory;
using Checkout.Web.Infrastructure;
using Checkout.Web.Infrastructure.Idempotency;
using Checkout.Web.Outbox;
using Checkout.Web.Workers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

var dataDirectory = ShopPaths.DataDirectory(builder.Configuration, builder.Environment);

builder.Logging.ClearProviders();
builder.Logging.AddSerilog(new LoggerConfiguration()
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.File(Path.Combine(dataDirectory, "logs", "checkout-.log"), rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 14, formatProvider: CultureInfo.InvariantCulture,
        outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
    .CreateLogger(), dispose: true);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<OrderNumber>();
builder.Services.AddSingleton<WriteTransactions>();
builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection("Idempotency"));
builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection("Email"))
    .PostConfigure(options => options.PickupDirectory = Path.GetFullPath(options.PickupDirectory, dataDirectory));
builder.Services.AddSingleton<IOutboxHandler, OrderConfirmationEmail>();
builder.Services.AddSingleton<IOutboxHandler, DailySalesCounter>();
builder.Services.AddSingleton<OutboxEvents>();
builder.Services.AddSingleton<OutboxWorker>();
builder.Services.AddHostedService(services => services.GetRequiredService<OutboxWorker>());
builder.Services.AddSingleton<IScheduledJob, StaleGuestCarts>();
builder.Services.AddSingleton<IScheduledJob, OldIdempotencyKeys>();
builder.Services.AddSingleton<ScheduledJobsWorker>();
builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledJobsWorker>());
builder.Services.AddShopDatabase(builder.Configuration, dataDirectory);

builder.Services.AddIdentity<ShopUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = ""; // the user name is the e-mail, validated as one (Cyrillic domains too)
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Password.RequiredLength = 8;
    })
    .AddEntityFrameworkStores<ShopDbContext>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "checkout_auth";
    options.LoginPath = "/account/login";
    options.LogoutPath = "/account/logout";
    options.AccessDeniedPath = "/account/denied";
    // The admin area answers 403 to everyone without the admin role, signed in or not; other pages send guests to log in.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
    options.Events.OnRedirectToLogin = context =>
    {
        if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    };
});
builder.Services.AddDataProtection().SetApplicationName("Checkout").PersistKeysToDbContext<ShopDbContext>();

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
// Kazakh text, «quotes», dashes and ₸ go out as characters, not &#x…; entities (markup stays encoded as always).
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
    System.Text.Unicode.UnicodeRanges.BasicLatin, System.Text.Unicode.UnicodeRanges.Latin1Supplement, System.Text.Unicode.UnicodeRanges.Cyrillic,
    System.Text.Unicode.UnicodeRanges.GeneralPunctuation, System.Text.Unicode.UnicodeRanges.CurrencySymbols));
builder.Services.AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        // The shop's forms and JSON bodies are a few short fields: anything bigger is refused (413) before it is read.
        options.Filters.Add(new RequestSizeLimitAttribute(16 * 1024));
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddAuthorizationBuilder().AddShopPolicies();
builder.Services.AddHealthChecks().AddDbContextCheck<ShopDbContext>();

builder.Services.AddOptions<InventoryOptions>().Bind(builder.Configuration.GetSection(InventoryOptions.Section))
    .Validate(o => o.ReservationTtl > TimeSpan.Zero && o.CleanupInterval > TimeSpan.Zero, "Inventory:ReservationTtl and Inventory:CleanupInterval must be positive.")
    .ValidateOnStart();
builder.Services.AddScoped<Reservations>();
builder.Services.AddSingleton<IScheduledJob, ExpiredReservations>();
builder.Services.AddScoped<CartService>();
builder.Services.AddScoped<CheckoutService>();
builder.Services.AddScoped<IdempotencyClaim>();
builder.Services.AddScoped<Checkout.Web.Features.Orders.OrderLifecycle>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddSingleton(new Checkout.Web.Features.Admin.ProductImages(Path.Combine(dataDirectory, "uploads")));

var app = builder.Build();

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

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    // A request the server can't read (body too large, malformed form, bad token) is the client's error, not ours.
    StatusCodeSelector = exception => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or AntiforgeryValidationException or ValueProviderException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    },
});
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("kk-KZ"),
    SupportedCultures = [new CultureInfo("kk-KZ")],
    SupportedUICultures = [new CultureInfo("kk-KZ")],
});
app.UseStaticFiles();
var uploads = app.Services.GetRequiredService<Checkout.Web.Features.Admin.ProductImages>().Directory;
Directory.CreateDirectory(uploads);
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(uploads),
    RequestPath = Checkout.Web.Features.Admin.ProductImages.RequestPath,
});
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health");
app.MapControllers();

await app.RunAsync();
