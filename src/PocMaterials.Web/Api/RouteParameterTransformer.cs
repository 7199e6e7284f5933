using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PocMaterials.Web.Api;

/// <summary>
/// Declares the route parameters that a handler reads from the route values instead of binding them (the handlers shared
/// by every definition file and every file's versions): the document would leave them out of a path that names them.
/// </summary>
internal sealed partial class RouteParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var name in RouteParameter().Matches(context.Description.RelativePath ?? "").Select(m => m.Groups[1].Value))
        {
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{([^}:?=]+)")]
    private static partial Regex RouteParameter();
}
