using PocMaterials.Testing;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Web.Tests.Hosting;

public sealed class ProductSchemaTests
{
    [Fact]
    public void Test_databases_get_the_tables_the_host_migrates()
    {
        Assert.Equal(ProductSchema.All.Migrations, TestSchema.All.Migrations);
    }
}
