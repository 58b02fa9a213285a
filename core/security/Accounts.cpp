#include "security/Accounts.hpp"

#include "Errors.hpp"
#include "Sqlite.hpp"
#include "Store.hpp"
#include "Text.hpp"
#include "security/AuditTrail.hpp"
#include "security/Crypto.hpp"

#include <ctime>
#include <sodium.h>
#include <sqlite3.h>

namespace alliance::security {

namespace {

constexpr std::size_t longestPassword = 1024;
constexpr std::size_t saltBytes = 16;

// The password as compared: NFKC, length-checked. Never in a message.
std::string passwordForm(const std::string& password)
{
    const auto normal = nfkc(password);
    if (!normal)
        throw ValidationError("password", "is not valid text (UTF-8)", Reason::BadCharacters);
    const std::size_t length = codePoints(*normal);
    if (length < shortestPassword)
        throw ValidationError("password",
                              "too short: " + std::to_string(length) + " characters, at least " +
                                  std::to_string(shortestPassword),
                              Reason::TooShort, {std::to_string(length), std::to_string(shortestPassword)});
    if (normal->size() > longestPassword)
        throw ValidationError("password", "too long: at most " + std::to_string(longestPassword) + " bytes",
                              Reason::TooLong,
                              {std::to_string(normal->size()), std::to_string(longestPassword)});
    return *normal;
}

constexpr const char* accountColumns =
    "a.id, a.person_id, k.name, k.role, s.name, a.is_admin, a.disabled, a.must_change, a.failed_attempts, "
    "a.locked_until, a.key_salt, a.passes, a.memory_bytes, a.wrapped_key";
constexpr const char* accountTables =
    " FROM account a JOIN counselor k ON k.id = a.person_id LEFT JOIN counselor s ON s.id = k.supervisor_id";

struct StoredAccount {
    Account account;
    std::string salt; // binary
    PasswordCost cost;
    std::string wrappedKey;
};

StoredAccount readAccount(const sql::Statement& row)
{
    StoredAccount stored;
    Account& a = stored.account;
    a.id = row.int64(0);
    a.personId = row.int64(1);
    a.name = row.text(2);
    a.role = parseSlug<Role>(row.text(3));
    a.supervisorName = row.optText(4);
    a.admin = row.integer(5) != 0;
    a.disabled = row.integer(6) != 0;
    a.mustChangePassword = row.integer(7) != 0;
    a.failedAttempts = row.integer(8);
    a.lockedUntil = row.int64(9);
    stored.salt = fromHex(row.text(10)).value_or("");
    stored.cost = {static_cast<unsigned long long>(row.int64(11)), static_cast<std::size_t>(row.int64(12))};
    stored.wrappedKey = row.text(13);
    return stored;
}

std::optional<StoredAccount> findAccount(Store& store, const std::string& name)
{
    sql::Statement query(store.connection(),
                         std::string("SELECT ") + accountColumns + accountTables + " WHERE k.name_key = ?");
    query.bind(1, identityKey(name));
    if (!query.step())
        return std::nullopt;
    return readAccount(query);
}

StoredAccount accountById(Store& store, Id id)
{
    sql::Statement query(store.connection(),
                         std::string("SELECT ") + accountColumns + accountTables + " WHERE a.id = ?");
    query.bind(1, id);
    if (!query.step())
        throw NotFound("account", "no account with id " + std::to_string(id));
    return readAccount(query);
}

// The data key wrapped under `password` at today's cost: salt (hex), cost, wrapped key.
struct Wrapping {
    std::string saltHex;
    PasswordCost cost;
    std::string wrapped;
};

Wrapping wrapFor(const std::string& normalPassword, const SecretKey& dataKey)
{
    const std::string salt = randomBytes(saltBytes);
    const PasswordCost cost = passwordCost();
    const SecretKey wrapping = deriveKey(normalPassword, salt, cost);
    return {toHex(salt), cost, wrapKey(wrapping, dataKey)};
}

std::optional<SecretKey> unwrapWith(const StoredAccount& stored, const std::string& normalPassword)
{
    if (stored.salt.size() != saltBytes)
        return std::nullopt;
    const SecretKey wrapping = deriveKey(normalPassword, stored.salt, stored.cost);
    return unwrapKey(wrapping, stored.wrappedKey);
}

void writePassword(Store& store, Id accountId, const Wrapping& w, bool mustChange)
{
    sql::Statement update(store.connection(),
                          "UPDATE account SET key_salt = ?, passes = ?, memory_bytes = ?, wrapped_key = ?, "
                          "failed_attempts = 0, locked_until = 0, must_change = ? WHERE id = ?");
    update.bind(1, w.saltHex).bind(2, static_cast<std::int64_t>(w.cost.passes));
    update.bind(3, static_cast<std::int64_t>(w.cost.memoryBytes)).bind(4, w.wrapped);
    update.bind(5, mustChange ? 1 : 0).bind(6, accountId).run();
}

Id insertAccount(Store& store, Id personId, bool admin, const Wrapping& w)
{
    sql::Statement insert(
        store.connection(),
        "INSERT INTO account (person_id, is_admin, key_salt, passes, memory_bytes, wrapped_key) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, personId).bind(2, admin ? 1 : 0).bind(3, w.saltHex);
    insert.bind(4, static_cast<std::int64_t>(w.cost.passes))
        .bind(5, static_cast<std::int64_t>(w.cost.memoryBytes));
    insert.bind(6, w.wrapped).run();
    return store.connection().lastInsertId();
}

// The person for a new account: the one on record with that name, or a new one.
Id personFor(Store& store, const NewAccount& account)
{
    try {
        return store.counselor(account.name).id;
    } catch (const NotFound&) {
        return store.addCounselor(account.name, account.role, account.supervisorName);
    }
}

// A database from before accounts: seal what it holds under a new key.
void sealPlainText(Store& store)
{
    store.sealing().setMode(Sealing::Mode::Sealed);
    store.sealing().unlock(SecretKey::random());
    for (const SealedColumn& c : sealedColumns())
        store.connection().exec(std::string("UPDATE ") + c.table + " SET " + c.column + " = seal('" +
                                c.context + "', " + c.column + ") WHERE " + c.column + " IS NOT NULL");
}

} // namespace

UnixSeconds nowSeconds()
{
    return static_cast<UnixSeconds>(std::time(nullptr));
}

UnixSeconds waitAfterFailures(int failures)
{
    if (failures < failuresBeforeWaiting)
        return 0;
    if (failures == failuresBeforeWaiting)
        return 30;
    if (failures == failuresBeforeWaiting + 1)
        return 60;
    return 15 * 60;
}

bool hasAccounts(Store& store)
{
    sql::Statement query(store.connection(), "SELECT 1 FROM account LIMIT 1");
    return query.step();
}

std::string initialize(Store& store, const NewAccount& first, const std::string& password)
{
    const std::string normal = passwordForm(password);
    bool sealedNow = false;
    std::string recoveryText;
    {
        sql::Transaction transaction(store.connection());
        if (hasAccounts(store))
            throw ValidationError("name", "this database has accounts already: an admin adds more",
                                  Reason::AlreadyRecorded);
        if (store.sealing().mode() == Sealing::Mode::Plain) {
            sealPlainText(store);
            sealedNow = true;
        }
        store.connection().exec("INSERT OR IGNORE INTO keyring (id) VALUES (1)");
        const SecretKey& dataKey = store.sealing().key();
        const Id person = personFor(store, first);
        const Id id = insertAccount(store, person, true, wrapFor(normal, dataKey));
        const SecretKey recovery = SecretKey::random();
        sql::Statement keep(store.connection(), "UPDATE keyring SET recovery_wrapped = ? WHERE id = 1");
        keep.bind(1, wrapKey(recovery, dataKey)).run();
        recoveryText = formatRecoveryKey(recovery);
        const Account made = accountById(store, id).account;
        appendAudit(store, id, made.name, {"initialise", std::nullopt, "account " + made.name, std::nullopt});
        transaction.commit();
    }
    const bool inCallersTransaction = sqlite3_get_autocommit(store.connection().handle()) == 0;
    if (sealedNow && !store.connection().path().empty() && !inCallersTransaction) {
        // The plain text is gone from the tables, not yet from free pages or the log: rewrite them.
        store.connection().exec("VACUUM");
        store.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return recoveryText;
}

Account signIn(Store& store, const std::string& name, const std::string& password, UnixSeconds now)
{
    if (!hasAccounts(store))
        throw SignInRefused(SignInRefused::Why::NoAccounts,
                            "this database has no accounts yet: run 'alliance init' to make the first admin");
    auto stored = findAccount(store, name);
    std::optional<std::string> normal;
    try {
        normal = passwordForm(password);
    } catch (const ValidationError&) {
        // A password that could never have been set is simply wrong.
    }
    if (!stored) {
        // As slow as a real try, so a name's existence does not show in the time taken.
        if (normal)
            deriveKey(*normal, randomBytes(saltBytes), passwordCost());
        throw SignInRefused(SignInRefused::Why::WrongPassword, "the name or the password is wrong");
    }
    Account& account = stored->account;
    if (account.lockedUntil > now)
        throw SignInRefused(SignInRefused::Why::Waiting,
                            "too many wrong passwords: try again in " +
                                std::to_string(account.lockedUntil - now) + " seconds",
                            account.lockedUntil - now);
    auto dataKey = normal ? unwrapWith(*stored, *normal) : std::nullopt;
    if (!dataKey) {
        const int failures = account.failedAttempts + 1;
        const UnixSeconds wait = waitAfterFailures(failures);
        sql::Transaction transaction(store.connection());
        sql::Statement update(store.connection(),
                              "UPDATE account SET failed_attempts = ?, locked_until = ? WHERE id = ?");
        update.bind(1, failures).bind(2, wait > 0 ? now + wait : 0).bind(3, account.id).run();
        recordFailedSignIn(store, account.name,
                           wait >= waitAfterFailures(failuresBeforeWaiting + 2) ? "sign-in-failed-locked"
                                                                                : "sign-in-failed");
        transaction.commit();
        if (wait > 0)
            throw SignInRefused(
                SignInRefused::Why::Waiting,
                "the name or the password is wrong; try again in " + std::to_string(wait) + " seconds", wait);
        throw SignInRefused(SignInRefused::Why::WrongPassword, "the name or the password is wrong");
    }
    if (account.disabled) {
        recordFailedSignIn(store, account.name, "sign-in-disabled");
        throw SignInRefused(SignInRefused::Why::Disabled, "this account is disabled: ask an admin");
    }
    store.sealing().unlock(std::move(*dataKey));
    sql::Transaction transaction(store.connection());
    if (account.failedAttempts > 0 || account.lockedUntil > 0) {
        sql::Statement reset(store.connection(),
                             "UPDATE account SET failed_attempts = 0, locked_until = 0 WHERE id = ?");
        reset.bind(1, account.id).run();
        account.failedAttempts = 0;
        account.lockedUntil = 0;
    }
    // A password stored at a lower cost than today's (an older version) is wrapped again now.
    const PasswordCost today = passwordCost();
    if (stored->cost.passes < today.passes || stored->cost.memoryBytes < today.memoryBytes)
        writePassword(store, account.id, wrapFor(*normal, store.sealing().key()), account.mustChangePassword);
    appendAudit(store, account.id, account.name, {"sign-in", std::nullopt, std::nullopt, std::nullopt});
    transaction.commit();
    return account;
}

Account recover(Store& store, const std::string& recoveryKey, const std::string& adminName,
                const std::string& newPassword)
{
    const std::string normal = passwordForm(newPassword);
    const auto recovery = parseRecoveryKey(recoveryKey);
    sql::Statement query(store.connection(), "SELECT recovery_wrapped FROM keyring WHERE id = 1");
    const auto wrapped = query.step() ? query.optText(0) : std::nullopt;
    auto dataKey = recovery && wrapped ? unwrapKey(*recovery, *wrapped) : std::nullopt;
    if (!dataKey) {
        recordFailedSignIn(store, adminName, "recovery-failed");
        throw SignInRefused(SignInRefused::Why::WrongPassword,
                            "the recovery key does not open this database");
    }
    auto stored = findAccount(store, adminName);
    if (!stored || !stored->account.admin)
        throw NotFound("name", "no admin account with that name");
    store.sealing().unlock(std::move(*dataKey));
    sql::Transaction transaction(store.connection());
    writePassword(store, stored->account.id, wrapFor(normal, store.sealing().key()), false);
    sql::Statement enable(store.connection(), "UPDATE account SET disabled = 0 WHERE id = ?");
    enable.bind(1, stored->account.id).run();
    appendAudit(store, stored->account.id, stored->account.name,
                {"recover", std::nullopt, "account " + stored->account.name, std::nullopt});
    transaction.commit();
    return accountById(store, stored->account.id).account;
}

std::vector<Account> accounts(Store& store)
{
    std::vector<Account> result;
    sql::Statement query(store.connection(),
                         std::string("SELECT ") + accountColumns + accountTables + " ORDER BY k.name");
    while (query.step())
        result.push_back(readAccount(query).account);
    return result;
}

Account account(Store& store, const std::string& name)
{
    auto stored = findAccount(store, name);
    if (!stored)
        throw NotFound("name", "no account named " + quoteForError(name));
    return stored->account;
}

Account createAccount(Store& store, const NewAccount& newAccount, const std::string& password)
{
    const std::string normal = passwordForm(password);
    sql::Transaction transaction(store.connection());
    if (findAccount(store, newAccount.name))
        throw ValidationError("name", "an account with that name exists already", Reason::AlreadyRecorded);
    const Id person = personFor(store, newAccount);
    const Role role = store.counselor(newAccount.name).role;
    const Id id = insertAccount(store, person, newAccount.admin || role == Role::Admin,
                                wrapFor(normal, store.sealing().key()));
    transaction.commit();
    return accountById(store, id).account;
}

void setDisabled(Store& store, Id accountId, bool disabled)
{
    accountById(store, accountId);
    sql::Statement update(store.connection(), "UPDATE account SET disabled = ? WHERE id = ?");
    update.bind(1, disabled ? 1 : 0).bind(2, accountId).run();
}

void setPassword(Store& store, Id accountId, const std::string& password, bool mustChange)
{
    const std::string normal = passwordForm(password);
    accountById(store, accountId);
    writePassword(store, accountId, wrapFor(normal, store.sealing().key()), mustChange);
}

void changePassword(Store& store, Id accountId, const std::string& oldPassword,
                    const std::string& newPassword)
{
    const std::string normal = passwordForm(newPassword);
    const StoredAccount stored = accountById(store, accountId);
    std::optional<SecretKey> dataKey;
    try {
        dataKey = unwrapWith(stored, passwordForm(oldPassword));
    } catch (const ValidationError&) {
    }
    if (!dataKey)
        throw SignInRefused(SignInRefused::Why::WrongPassword, "the current password is wrong");
    writePassword(store, accountId, wrapFor(normal, *dataKey), false);
}

} // namespace alliance::security
