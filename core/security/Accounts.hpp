#pragma once
// Accounts: every person signs in as themself. The database's data key is stored wrapped for each
// account under a key derived from its password (Argon2id, Crypto.hpp); signing in unwraps it into
// the Store, so a wrong password opens nothing. A recovery key, shown once at initialisation, also
// unwraps it. Repeated failures make the next try wait, then lock the account for a while.
// These functions check no role: the Workspace (Workspace.hpp) decides who may call which.
#include "Model.hpp"
#include "Vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alliance {
class Store;
}

namespace alliance::security {

// Seconds since 1970-01-01 UTC.
using UnixSeconds = std::int64_t;
UnixSeconds nowSeconds();

struct Account {
    Id id = 0;
    Id personId = 0;
    std::string name;
    Role role = Role::Counselor; // the person's clinical role (Admin: none)
    std::optional<std::string> supervisorName;
    bool admin = false;
    bool disabled = false;
    // Set by an admin's reset: the person picks their own password before anything else.
    bool mustChangePassword = false;
    // Failed sign-ins since the last good one, and when the next try is taken (0: now).
    int failedAttempts = 0;
    UnixSeconds lockedUntil = 0;
};

struct NewAccount {
    std::string name;
    Role role = Role::Counselor;
    std::optional<std::string> supervisorName;
    bool admin = false;
};

// Passwords: 10 to 1024 characters, compared in NFKC form. ValidationError "password" otherwise.
constexpr std::size_t shortestPassword = 10;

// Failures before the next try waits; how long it waits after `failures` failures in a row
// (30 s after the 3rd, 60 s after the 4th, then 15 minutes: locked).
constexpr int failuresBeforeWaiting = 3;
UnixSeconds waitAfterFailures(int failures);

bool hasAccounts(Store& store);

// The first account, an admin, on a database that has none: a new one (sealed from the start) or
// one from before accounts, whose text is sealed now (and the old plain pages overwritten). The
// person is created, or an existing one with that name is used. Returns the recovery key -- shown
// once, stored nowhere in plain form. ValidationError "name" when accounts exist already.
std::string initialize(Store& store, const NewAccount& first, const std::string& password);

// Checks the password and unlocks the store's data key. SignInRefused otherwise (the failure is
// counted and put in the audit trail's pending entries).
Account signIn(Store& store, const std::string& name, const std::string& password,
               UnixSeconds now = nowSeconds());

// Unlocks with the recovery key and gives admin `adminName` the new password (enabled, unlocked).
// SignInRefused (WrongPassword) when the recovery key does not open the data key.
Account recover(Store& store, const std::string& recoveryKey, const std::string& adminName,
                const std::string& newPassword);

// Every account, by name; one by name (NotFound "name").
std::vector<Account> accounts(Store& store);
Account account(Store& store, const std::string& name);

// The following need the store unlocked (someone signed in).
// A new account; for a person on record without one, that person (their role and supervisor stay).
Account createAccount(Store& store, const NewAccount& account, const std::string& password);
void setDisabled(Store& store, Id accountId, bool disabled);
// Sets the password (wrapping the unlocked data key under it) and clears failures; `mustChange`
// when an admin set it for someone else.
void setPassword(Store& store, Id accountId, const std::string& password, bool mustChange);
// The person's own change: the old password must unwrap the key (SignInRefused otherwise).
void changePassword(Store& store, Id accountId, const std::string& oldPassword,
                    const std::string& newPassword);

} // namespace alliance::security
