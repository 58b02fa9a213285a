#pragma once
// The few cryptographic operations the product needs, all through libsodium: a data key kept in
// locked, guarded memory; text sealed with XChaCha20-Poly1305; keys derived from passwords with
// Argon2id; a keyed hash for the audit chain. Nothing here writes to a file or a log.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace alliance::security {

// Initialises libsodium once (thread-safe); throws when the library cannot start.
void ensureSodium();

// 32 secret bytes in memory that is locked (never swapped out), surrounded by guard pages and
// wiped with sodium_memzero when the key is destroyed.
class SecretKey {
public:
    static constexpr std::size_t size = 32;
    // A fresh random key.
    static SecretKey random();
    // A key from `bytes` (exactly `size` of them), e.g. a derived one.
    static SecretKey fromBytes(const unsigned char* bytes);
    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    ~SecretKey();
    SecretKey copy() const;
    const unsigned char* bytes() const { return bytes_; }

private:
    SecretKey();
    unsigned char* bytes_ = nullptr;
};

// Argon2id's cost. The shipped programs use passwordCost() (at least OWASP's minimum: 19 MiB, 2
// passes); the test programs link a cheaper definition of it -- the shipped build has no way to it.
struct PasswordCost {
    unsigned long long passes = 0;
    std::size_t memoryBytes = 0;
};
PasswordCost passwordCost();

// A key derived from a password and a 16-byte salt with Argon2id at `cost`.
SecretKey deriveKey(std::string_view password, std::string_view salt, const PasswordCost& cost);

// Random bytes (salts, nonces) as a binary string.
std::string randomBytes(std::size_t count);

// Seals `plain` with `key`; `context` (e.g. "session.note") is authenticated with it, so a value
// moved to another column does not open. The result is printable text: "s1." + base64.
std::string sealText(const SecretKey& key, std::string_view context, std::string_view plain);
// The text sealed by sealText; nullopt when it was not sealed with this key and context or was
// changed since.
std::optional<std::string> openText(const SecretKey& key, std::string_view context, std::string_view sealed);
// True when `value` has the form sealText gives (it may still not open).
bool looksSealed(std::string_view value);

// The data key wrapped under `wrapping` (a password-derived or recovery key), as hex text; and back
// (nullopt when `wrapping` is the wrong key or the text was changed).
std::string wrapKey(const SecretKey& wrapping, const SecretKey& dataKey);
std::optional<SecretKey> unwrapKey(const SecretKey& wrapping, std::string_view wrapped);

// A subkey of `key` for one purpose (libsodium's KDF; `context` is exactly 8 characters).
SecretKey subkey(const SecretKey& key, std::uint64_t id, const char (&context)[9]);
// HMAC-SHA-256 of `message` under `key`, as hex.
std::string keyedHash(const SecretKey& key, std::string_view message);
// Constant-time comparison of two equal-length strings (false when lengths differ).
bool sameSecret(std::string_view a, std::string_view b);

// Hex text of bytes, and back (nullopt when not even-length hex).
std::string toHex(std::string_view bytes);
std::optional<std::string> fromHex(std::string_view hex);

// A recovery key as people copy it: 64 hex digits in 8 groups of 8 joined by '-'; and back
// (spaces, dashes and case are ignored). nullopt when it is not 32 bytes of hex.
std::string formatRecoveryKey(const SecretKey& key);
std::optional<SecretKey> parseRecoveryKey(std::string_view text);

} // namespace alliance::security
