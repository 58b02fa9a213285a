// The shipped programs' Argon2id cost: libsodium's "interactive" level, 2 passes over 64 MiB --
// above OWASP's minimum (19 MiB, 2 passes). Only the shipped executables link this file; the test
// programs link a cheaper definition (tests/support/CheapPasswordCost.cpp).
#include "security/Crypto.hpp"

#include <sodium.h>

namespace alliance::security {

PasswordCost passwordCost()
{
    static_assert(crypto_pwhash_OPSLIMIT_INTERACTIVE >= 2);
    static_assert(crypto_pwhash_MEMLIMIT_INTERACTIVE >= 19u * 1024 * 1024);
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

} // namespace alliance::security
