namespace PocMaterials.Web.Options;

/// <summary>
/// What the host tells anonymous callers about itself. Off by default, as in Production; the
/// Development settings turn all of it on.
/// </summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    /// <summary>Serve the OpenAPI document (<c>/openapi/v1.json</c>) and its UI (<c>/scalar/v1</c>).</summary>
    public bool OpenApi { get; set; }

    /// <summary><c>/health</c> lists every check with its data; otherwise it answers only the overall status.</summary>
    public bool DetailedHealth { get; set; }

    /// <summary>Say in <c>WWW-Authenticate</c> why a token was rejected (expired, bad signature, ...).</summary>
    public bool TokenErrorDetails { get; set; }
}
