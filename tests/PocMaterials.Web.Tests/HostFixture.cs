using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests;

/// <summary>
/// The one set-up of a Web test: a throwaway content folder and the real host over it, both disposed at the end.
/// As a class fixture it is one host for all tests of a class; as the base of a test class it is a host per test
/// (xunit makes a class instance per test). A subclass writes content and starts what the host needs (a mail
/// server, a sign-in provider) in <see cref="PrepareAsync"/>, says how the host differs from the test defaults in
/// <see cref="EnvironmentName"/>, <see cref="Settings"/> and <see cref="Services"/>, and makes clients in
/// <see cref="StartedAsync"/>.
/// </summary>
public abstract class HostFixture : IAsyncLifetime
{
    /// <summary>Over <see cref="ContentFolder.WithFixture"/>.</summary>
    protected HostFixture()
        : this(ContentFolder.WithFixture())
    {
    }

    protected HostFixture(ContentFolder folder) => Folder = folder;

    public ContentFolder Folder { get; }

    public PocMaterialsApp App { get; private set; } = null!;

    /// <summary>The host's environment.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Settings the host starts with beside the test defaults; read after <see cref="PrepareAsync"/>.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services the host gets instead of its own (a clock).</summary>
    protected virtual Action<IServiceCollection>? Services => null;

    /// <summary>Before the host is made: content of the class, servers the host talks to.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>After the host is made: clients, a first request, a real port.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        App = new PocMaterialsApp(Folder, EnvironmentName, Settings, Services);
        await StartedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Folder.Dispose();
    }
}
