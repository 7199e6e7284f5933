using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace PocMaterials.Newsletter.Sending.Dkim;

/// <summary>
/// The RSA-SHA256 signature of a DKIM signer computed by .NET's RSA (OpenSSL) instead of BouncyCastle's managed RSA:
/// measured 4.7 ms against 0.3 ms of CPU per mail, which decided how fast a newsletter leaves. MimeKit still
/// canonicalises and hashes the headers; this only signs what it feeds in.
/// </summary>
internal sealed class RsaSha256Signer(RSA key) : ISigner
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string AlgorithmName => "SHA-256withRSA";

    // The key is this signer's own; MimeKit passes its BouncyCastle copy of the same key, which is not needed.
    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning)
            throw new NotSupportedException("This signer only signs.");
    }

    public void Update(byte input) => _hash.AppendData([input]);

    public void BlockUpdate(byte[] input, int inOff, int inLen) => _hash.AppendData(input, inOff, inLen);

    public void BlockUpdate(ReadOnlySpan<byte> input) => _hash.AppendData(input);

    public int GetMaxSignatureSize() => key.KeySize / 8;

    public byte[] GenerateSignature() =>
        key.SignHash(_hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool VerifySignature(byte[] signature) => throw new NotSupportedException("This signer only signs.");

    public void Reset() => _hash.GetHashAndReset();
}
