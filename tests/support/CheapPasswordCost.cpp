// The test programs' Argon2id cost: libsodium's minimum, so the many sign-ins tests make take
// microseconds. Linked only into test executables (tests/CMakeLists.txt); the shipped programs
// link core/security/PasswordCost.cpp, so a shipped build has no way to this cost.
#include "security/Crypto.hpp"

#include <sodium.h>

namespace alliance::security {

PasswordCost passwordCost()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

} // namespace alliance::security
