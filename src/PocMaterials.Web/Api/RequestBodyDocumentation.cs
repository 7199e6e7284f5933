using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PocMaterials.Web.Api;

/// <summary>
/// Documents a request body whose media type the handler checks itself. <c>Accepts</c> metadata would document it
/// too, but routing acts on it and answers 415 before authentication, telling an anonymous caller what the
/// endpoint takes; the handler's own check answers 415 only after 401 and 403.
/// </summary>
internal static class RequestBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsBody(this RouteHandlerBuilder endpoint, params string[] mediaTypes) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(
                    type => type,
                    type => new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = type == "application/json" ? JsonSchemaType.Object : JsonSchemaType.String },
                    }),
            };
            return Task.CompletedTask;
        });
}
