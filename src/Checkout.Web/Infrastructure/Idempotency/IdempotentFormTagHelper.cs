using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>
/// <c>&lt;form idempotent&gt;</c>: the form carries a fresh <c>idempotency_key</c> each time the page is rendered, so
/// a double click or a re-posted form replays the first answer instead of doing it again.
/// </summary>
[HtmlTargetElement("form", Attributes = "idempotent")]
public sealed class IdempotentFormTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("idempotent");
        output.PostContent.AppendHtml($"""<input type="hidden" name="{IdempotencyKey.FormField}" value="{Guid.NewGuid():N}" />""");
    }
}
