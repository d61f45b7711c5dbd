using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>Leaves the sandbox's controllers out of the shop unless it is enabled: its routes then don't exist at all.</summary>
public sealed class SandboxControllerGate(bool enabled) : IApplicationFeatureProvider<ControllerFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
    {
        if (enabled)
        {
            return;
        }

        foreach (var controller in feature.Controllers.Where(c => c.Namespace == typeof(SandboxControllerGate).Namespace).ToList())
        {
            feature.Controllers.Remove(controller);
        }
    }
}
