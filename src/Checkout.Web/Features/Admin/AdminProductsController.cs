using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Admin;

/// <summary>
/// The admin's catalogue: create and edit products, their price in each store, stock and picture. A stock change
/// is one guarded statement from the count the form was loaded with, recorded in the stock ledger as an adjustment.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class AdminProductsController(ShopDbContext db, WriteTransactions writes, ProductImages images, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : Controller
{
    private const string PlaceholderImage = "/images/products/placeholder.svg";

    [HttpGet("/admin/products")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var products = await db.Products
            .OrderBy(p => p.Id)
            .Select(p => new AdminProductRow(p.Id, p.Name, p.Color, p.Storage, p.Category, p.ImageUrl, p.Stock,
                p.Offers.Any() ? new Money(p.Offers.Min(o => o.PriceTiyn)) : (Money?)null, p.Offers.Count))
            .ToListAsync(ct);
        return View("~/Views/Admin/Products.cshtml", products);
    }

    [HttpGet("/admin/products/new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        FormView(null, new ProductForm { Prices = await PricesAsync(productId: null, ct), ImageUrl = PlaceholderImage });

    [HttpPost("/admin/products/new")]
    [ProductFormLimit]
    public async Task<IActionResult> Create(ProductForm? form, IFormFile? image, CancellationToken ct)
    {
        form ??= new ProductForm();
        var imageUrl = await CheckAsync(form, image, ct);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(null, form, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await writes.BeginAsync(db, ct);
        var product = new Product
        {
            Name = form.Name.Trim(),
            Color = form.Color.Trim(),
            Storage = form.Storage.Trim(),
            Category = form.Category.Trim(),
            Description = form.Description?.Trim() ?? "",
            ImageUrl = imageUrl ?? PlaceholderImage,
            Stock = form.Stock,
            VatRate = form.VatRate,
            Offers = [.. form.Prices.Where(p => p.Price is not null).Select(p => new Offer { StoreId = p.StoreId, PriceTiyn = Money.FromTenge(p.Price!.Value).Tiyn })],
        };
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        db.StockMovements.Add(new StockMovement { ProductId = product.Id, Delta = form.Stock, Reason = StockReasons.Opening, CreatedUtc = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = text["ProductSaved"].Value;
        return Redirect($"/admin/products/{product.Id}");
    }

    [HttpGet("/admin/products/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return product is null
            ? NotFound()
            : FormView(id, new ProductForm
            {
                Name = product.Name,
                Color = product.Color,
                Storage = product.Storage,
                Category = product.Category,
                Description = product.Description,
                ImageUrl = product.ImageUrl,
                Stock = product.Stock,
                VatRate = product.VatRate,
                ExpectedStock = product.Stock,
                Prices = await PricesAsync(id, ct),
            });
    }

    [HttpPost("/admin/products/{id:int}")]
    [ProductFormLimit]
    public async Task<IActionResult> Update(int id, ProductForm? form, IFormFile? image, CancellationToken ct)
    {
        form ??= new ProductForm();
        var imageUrl = await CheckAsync(form, image, ct);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id, form, ct);
        }

        await using var transaction = await writes.BeginAsync(db, ct);
        var product = await db.Products.Include(p => p.Offers).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return NotFound();
        }

        var expected = form.ExpectedStock ?? product.Stock;
        if (form.Stock != expected)
        {
            var delta = form.Stock - expected;
            var adjusted = await db.Products
                .Where(p => p.Id == id && p.Stock == expected)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, form.Stock), ct);
            if (adjusted != 1)
            {
                var now = await db.Products.Where(p => p.Id == id).Select(p => p.Stock).FirstAsync(ct);
                ModelState.AddModelError(nameof(form.Stock), text["StockChangedMeanwhile", now].Value);
                form.ExpectedStock = now;
                return await InvalidAsync(id, form, ct, StatusCodes.Status409Conflict);
            }

            db.StockMovements.Add(new StockMovement { ProductId = id, Delta = delta, Reason = StockReasons.Adjustment, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        }

        product.Name = form.Name.Trim();
        product.Color = form.Color.Trim();
        product.Storage = form.Storage.Trim();
        product.Category = form.Category.Trim();
        product.Description = form.Description?.Trim() ?? "";
        product.ImageUrl = imageUrl ?? product.ImageUrl;
        product.VatRate = form.VatRate;
        db.Entry(product).Property(p => p.Stock).IsModified = false; // changed above by the guarded statement only
        foreach (var price in form.Prices)
        {
            var offer = product.Offers.FirstOrDefault(o => o.StoreId == price.StoreId);
            if (price.Price is { } tenge && offer is null)
            {
                product.Offers.Add(new Offer { ProductId = id, StoreId = price.StoreId, PriceTiyn = Money.FromTenge(tenge).Tiyn });
            }
            else if (price.Price is { } changed && offer is not null)
            {
                offer.PriceTiyn = Money.FromTenge(changed).Tiyn;
            }
            else if (price.Price is null && offer is not null)
            {
                product.Offers.Remove(offer);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = text["ProductSaved"].Value;
        return Redirect($"/admin/products/{id}");
    }

    /// <summary>Validates what annotations can't: at least one price, known stores, an acceptable picture. Returns the picture's URL.</summary>
    private async Task<string?> CheckAsync(ProductForm form, IFormFile? image, CancellationToken ct)
    {
        var storeIds = await db.Stores.Select(s => s.Id).ToListAsync(ct);
        form.Prices = [.. form.Prices.Where(p => storeIds.Contains(p.StoreId)).DistinctBy(p => p.StoreId)];
        if (!form.Prices.Any(p => p.Price is not null))
        {
            ModelState.AddModelError(nameof(form.Prices), text["OfferRequired"].Value);
        }

        if (!VatRates.IsAllowed(form.VatRate))
        {
            ModelState.AddModelError(nameof(form.VatRate), text["VatRateInvalid"].Value);
            form.VatRate = VatRates.Standard;
        }

        if (image is not null && image.Length > images.MaxBytes)
        {
            ModelState.AddModelError("image", text["ImageTooLarge", Math.Round(images.MaxBytes / (1024.0 * 1024), 1)].Value);
            return null;
        }

        if (image is not null && image.Length > 0)
        {
            var url = await images.SaveAsync(image, ct);
            if (url is null)
            {
                ModelState.AddModelError("image", text["ImageInvalid"].Value);
            }

            return url;
        }

        var given = form.ImageUrl?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        if (!ProductImages.IsShopPicture(given))
        {
            ModelState.AddModelError(nameof(form.ImageUrl), text["ImageInvalid"].Value);
            form.ImageUrl = null; // the form comes back without it: never shown as a picture
            return null;
        }

        return given;
    }

    private async Task<List<StorePrice>> PricesAsync(int? productId, CancellationToken ct) =>
        await db.Stores
            .OrderBy(s => s.Id)
            .Select(s => new StorePrice
            {
                StoreId = s.Id,
                StoreName = s.Name,
                Price = db.Offers.Where(o => o.ProductId == productId && o.StoreId == s.Id).Select(o => (long?)(o.PriceTiyn / Money.TiynPerTenge)).FirstOrDefault(),
            })
            .ToListAsync(ct);

    private async Task<IActionResult> InvalidAsync(int? id, ProductForm form, CancellationToken ct, int status = StatusCodes.Status400BadRequest)
    {
        var names = await db.Stores.ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        foreach (var price in form.Prices)
        {
            price.StoreName = names.GetValueOrDefault(price.StoreId, "");
        }

        Response.StatusCode = status;
        return FormView(id, form);
    }

    private ViewResult FormView(int? id, ProductForm form)
    {
        ViewData["ProductId"] = id;
        return View("~/Views/Admin/ProductForm.cshtml", form);
    }
}
