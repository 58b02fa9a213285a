#include "security/Crypto.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>
#include <utility>

namespace alliance::security {

namespace {

constexpr std::string_view sealedPrefix = "s1.";
constexpr int base64Variant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;

std::string_view asChars(const unsigned char* bytes, std::size_t size)
{
    return {reinterpret_cast<const char*>(bytes), size};
}

const unsigned char* asBytes(std::string_view text)
{
    return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

void ensureSodium()
{
    static const int started = sodium_init();
    if (started < 0)
        throw std::runtime_error("the cryptography library (libsodium) could not start");
}

SecretKey::SecretKey()
{
    ensureSodium();
    bytes_ = static_cast<unsigned char*>(sodium_malloc(size));
    if (!bytes_)
        throw std::bad_alloc();
}

SecretKey SecretKey::random()
{
    SecretKey key;
    randombytes_buf(key.bytes_, size);
    return key;
}

SecretKey SecretKey::fromBytes(const unsigned char* bytes)
{
    SecretKey key;
    std::copy(bytes, bytes + size, key.bytes_);
    return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept
{
    if (this != &other) {
        if (bytes_)
            sodium_free(bytes_);
        bytes_ = std::exchange(other.bytes_, nullptr);
    }
    return *this;
}

SecretKey::~SecretKey()
{
    if (bytes_)
        sodium_free(bytes_); // zeroes the memory before releasing it
}

SecretKey SecretKey::copy() const
{
    return fromBytes(bytes_);
}

SecretKey deriveKey(std::string_view password, std::string_view salt, const PasswordCost& cost)
{
    ensureSodium();
    if (salt.size() != crypto_pwhash_SALTBYTES)
        throw std::invalid_argument("a password salt has 16 bytes");
    unsigned char derived[SecretKey::size];
    if (crypto_pwhash(derived, sizeof derived, password.data(), password.size(), asBytes(salt), cost.passes,
                      cost.memoryBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::bad_alloc(); // libsodium fails here only when it cannot get the memory
    SecretKey key = SecretKey::fromBytes(derived);
    sodium_memzero(derived, sizeof derived);
    return key;
}

std::string randomBytes(std::size_t count)
{
    ensureSodium();
    std::string bytes(count, '\0');
    randombytes_buf(bytes.data(), count);
    return bytes;
}

namespace {

std::string seal(const SecretKey& key, std::string_view context, std::string_view plain)
{
    std::string out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() +
                        crypto_aead_xchacha20poly1305_ietf_ABYTES,
                    '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
                                               asBytes(plain), plain.size(), asBytes(context), context.size(),
                                               nullptr, nonce, key.bytes());
    return out;
}

std::optional<std::string> open(const SecretKey& key, std::string_view context, std::string_view box)
{
    constexpr std::size_t overhead =
        crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (box.size() < overhead)
        return std::nullopt;
    std::string plain(box.size() - overhead, '\0');
    unsigned long long written = 0;
    const auto* nonce = asBytes(box);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &written,
                                                   nullptr,
                                                   nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   box.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   asBytes(context), context.size(), nonce, key.bytes()) != 0)
        return std::nullopt;
    plain.resize(written);
    return plain;
}

} // namespace

std::string sealText(const SecretKey& key, std::string_view context, std::string_view plain)
{
    const std::string box = seal(key, context, plain);
    std::string out(sealedPrefix);
    const std::size_t encodedSize = sodium_base64_ENCODED_LEN(box.size(), base64Variant);
    out.resize(sealedPrefix.size() + encodedSize);
    sodium_bin2base64(out.data() + sealedPrefix.size(), encodedSize, asBytes(box), box.size(), base64Variant);
    out.resize(sealedPrefix.size() + encodedSize - 1); // without the terminating NUL
    return out;
}

bool looksSealed(std::string_view value)
{
    return value.substr(0, sealedPrefix.size()) == sealedPrefix;
}

std::optional<std::string> openText(const SecretKey& key, std::string_view context, std::string_view sealed)
{
    if (!looksSealed(sealed))
        return std::nullopt;
    const std::string_view encoded = sealed.substr(sealedPrefix.size());
    std::string box(encoded.size(), '\0');
    std::size_t boxSize = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), encoded.data(),
                          encoded.size(), nullptr, &boxSize, nullptr, base64Variant) != 0)
        return std::nullopt;
    box.resize(boxSize);
    return open(key, context, box);
}

std::string wrapKey(const SecretKey& wrapping, const SecretKey& dataKey)
{
    return toHex(seal(wrapping, "alliance data key", asChars(dataKey.bytes(), SecretKey::size)));
}

std::optional<SecretKey> unwrapKey(const SecretKey& wrapping, std::string_view wrapped)
{
    const auto box = fromHex(wrapped);
    if (!box)
        return std::nullopt;
    auto plain = open(wrapping, "alliance data key", *box);
    if (!plain || plain->size() != SecretKey::size)
        return std::nullopt;
    SecretKey key = SecretKey::fromBytes(asBytes(*plain));
    sodium_memzero(plain->data(), plain->size());
    return key;
}

SecretKey subkey(const SecretKey& key, std::uint64_t id, const char (&context)[9])
{
    static_assert(crypto_kdf_KEYBYTES == SecretKey::size && crypto_kdf_CONTEXTBYTES == 8);
    unsigned char derived[SecretKey::size];
    crypto_kdf_derive_from_key(derived, sizeof derived, id, context, key.bytes());
    SecretKey out = SecretKey::fromBytes(derived);
    sodium_memzero(derived, sizeof derived);
    return out;
}

std::string keyedHash(const SecretKey& key, std::string_view message)
{
    static_assert(crypto_auth_hmacsha256_KEYBYTES == SecretKey::size);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, asBytes(message), message.size(), key.bytes());
    return toHex(asChars(mac, sizeof mac));
}

bool sameSecret(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string toHex(std::string_view bytes)
{
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), asBytes(bytes), bytes.size());
    hex.pop_back();
    return hex;
}

std::optional<std::string> fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0)
        return std::nullopt;
    std::string bytes(hex.size() / 2, '\0');
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(), hex.size(),
                       nullptr, &written, &end) != 0 ||
        written != bytes.size() || end != hex.data() + hex.size())
        return std::nullopt;
    return bytes;
}

std::string formatRecoveryKey(const SecretKey& key)
{
    const std::string hex = toHex(asChars(key.bytes(), SecretKey::size));
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 8) {
        if (!out.empty())
            out += '-';
        out += hex.substr(i, 8);
    }
    return out;
}

std::optional<SecretKey> parseRecoveryKey(std::string_view text)
{
    std::string hex;
    for (const char c : text) {
        if (c == '-' || c == ' ')
            continue;
        hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto bytes = fromHex(hex);
    if (!bytes || bytes->size() != SecretKey::size)
        return std::nullopt;
    SecretKey key = SecretKey::fromBytes(asBytes(*bytes));
    sodium_memzero(bytes->data(), bytes->size());
    return key;
}

} // namespace alliance::security
