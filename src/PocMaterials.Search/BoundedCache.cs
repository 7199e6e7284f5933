using System.Collections.Concurrent;

namespace PocMaterials.Search;

/// <summary>
/// The search's caches keyed by what users type or by the day: kept small by emptying a full cache, which is simpler
/// than evicting one entry at a time, and what is used again is soon back in it.
/// </summary>
internal static class BoundedCache
{
    /// <summary>
    /// The value kept for the key, or a new one made and kept; a cache holding <paramref name="bound"/> values is emptied first.
    /// </summary>
    public static TValue GetOrAddBounded<TKey, TValue>(
        this ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> create, int bound)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var cached))
            return cached;
        if (cache.Count >= bound)
            cache.Clear();
        return cache.GetOrAdd(key, create);
    }
}
