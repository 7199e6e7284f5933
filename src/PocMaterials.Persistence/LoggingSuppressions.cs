using System.Diagnostics.CodeAnalysis;

// DatabaseMigrator's two log calls stay message templates until issue 16's step 1 (each feature's migrations,
// being moved by a colleague right now) has landed; then they become [LoggerMessage] methods like every other.
[assembly: SuppressMessage("Performance", "CA1848:Use the LoggerMessage delegates", Scope = "type",
    Target = "~T:PocMaterials.Persistence.DatabaseMigrator", Justification = "Converted after issue 16's step 1 moves the migrator's files.")]
