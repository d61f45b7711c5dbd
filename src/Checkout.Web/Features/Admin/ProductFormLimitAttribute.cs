using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Admin;

/// <summary>The product form's own body limit, which carries a picture: <see cref="ProductImageOptions.FormMaxBytes"/> instead of the shop's 16 KB.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProductFormLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    public int Order => BodySizeLimitFilter.FilterOrder;

    public IFilterMetadata CreateInstance(IServiceProvider services) =>
        new BodySizeLimitFilter(services.GetRequiredService<IOptions<ProductImageOptions>>().Value.FormMaxBytes);
}
