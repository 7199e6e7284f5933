using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Web.Options;

/// <summary>How reports are printed as PDF: by a headless Chromium on this machine.</summary>
public sealed class ReportsOptions : IValidatableObject
{
    public const string Section = "Reports";

    /// <summary>
    /// The Chromium (or Chrome) program; none: the first of Debian's places that exists (<c>/usr/lib/chromium/chromium</c>,
    /// <c>/usr/bin/chromium</c>, ...), looked for at each print, so a browser installed later is found without a restart.
    /// </summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How long one print may take before the browser is stopped.</summary>
    [Range(5, 600)]
    public int PdfSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChromiumPath is { Length: > 0 } path && !Path.IsPathFullyQualified(path))
            yield return new ValidationResult($"Reports:ChromiumPath '{path}' must be an absolute path.", [nameof(ChromiumPath)]);
    }
}
