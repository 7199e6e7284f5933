namespace PocMaterials.Content.Contacts;

/// <summary>A POC+ contact person (aanspreekpunt) from contacts.yml.</summary>
public sealed record Contact(string Id, string Name, string? Email, string? Phone, string? Role);
