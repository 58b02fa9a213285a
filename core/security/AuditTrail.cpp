#include "security/AuditTrail.hpp"

#include "Errors.hpp"
#include "Sqlite.hpp"
#include "Store.hpp"
#include "security/Crypto.hpp"

#include <ctime>

namespace alliance::security {

namespace {

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

SecretKey auditKey(const Store& store)
{
    return subkey(store.sealing().key(), 1, "auditlog");
}

// Each field with its length, so no two different entries read the same.
void field(std::string& out, const std::optional<std::string>& value)
{
    out += value ? std::to_string(value->size()) + ":" + *value : std::string("-");
    out += '|';
}

std::string macOf(const SecretKey& key, const std::string& previousMac, const AuditEntry& e)
{
    std::string message = "entry|";
    field(message, previousMac);
    field(message, std::to_string(e.id));
    field(message, e.at);
    field(message, e.accountId ? std::optional<std::string>(std::to_string(*e.accountId)) : std::nullopt);
    field(message, e.actor);
    field(message, e.event.action);
    field(message, e.event.clientCode);
    field(message, e.event.target);
    field(message, e.event.detail);
    return keyedHash(key, message);
}

std::string tipOf(const SecretKey& key, Id lastId, const std::string& lastMac)
{
    return keyedHash(key, "tip|" + std::to_string(lastId) + "|" + lastMac);
}

AuditEntry readEntry(const sql::Statement& row)
{
    AuditEntry e;
    e.id = row.int64(0);
    e.at = row.text(1);
    e.accountId = row.optInt64(2);
    e.actor = row.text(3);
    e.event = {row.text(4), row.optText(5), row.optText(6), row.optText(7)};
    return e;
}

constexpr const char* entryColumns = "id, at, account_id, actor, action, client_code, target, detail";

void append(sql::Connection& connection, const SecretKey& key, AuditEntry entry)
{
    sql::Statement last(connection, "SELECT id, mac FROM audit_entry ORDER BY id DESC LIMIT 1");
    std::string previousMac;
    entry.id = 1;
    if (last.step()) {
        entry.id = last.int64(0) + 1;
        previousMac = last.text(1);
    }
    const std::string mac = macOf(key, previousMac, entry);
    sql::Statement insert(connection,
                          "INSERT INTO audit_entry (id, at, account_id, actor, action, client_code, "
                          "target, detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, entry.id).bind(2, entry.at).bind(3, entry.accountId).bind(4, entry.actor);
    insert.bind(5, entry.event.action).bind(6, entry.event.clientCode).bind(7, entry.event.target);
    insert.bind(8, entry.event.detail).bind(9, mac).run();
    sql::Statement tip(connection, "UPDATE keyring SET audit_tip = ? WHERE id = 1");
    tip.bind(1, tipOf(key, entry.id, mac)).run();
}

} // namespace

void appendAudit(Store& store, std::optional<Id> accountId, const std::string& actor, const AuditEvent& event)
{
    const SecretKey key = auditKey(store);
    auto& connection = store.connection();
    sql::Transaction transaction(connection);
    std::vector<AuditEntry> pending;
    {
        sql::Statement query(connection, "SELECT at, actor, action FROM audit_pending ORDER BY id");
        while (query.step()) {
            AuditEntry e;
            e.at = query.text(0);
            e.actor = query.text(1);
            e.event.action = query.text(2);
            e.event.detail = "recorded before it could be chained";
            pending.push_back(std::move(e));
        }
    }
    for (const AuditEntry& e : pending)
        append(connection, key, e);
    connection.exec("DELETE FROM audit_pending");
    AuditEntry entry;
    entry.at = utcNow();
    entry.accountId = accountId;
    entry.actor = actor;
    entry.event = event;
    append(connection, key, std::move(entry));
    transaction.commit();
}

void recordFailedSignIn(Store& store, const std::string& actor, const std::string& action)
{
    sql::Statement insert(store.connection(),
                          "INSERT INTO audit_pending (at, actor, action) VALUES (?, ?, ?)");
    insert.bind(1, utcNow()).bind(2, actor).bind(3, action).run();
}

std::vector<AuditEntry> auditEntries(Store& store, const AuditFilter& filter)
{
    std::vector<AuditEntry> result;
    sql::Statement query(store.connection(),
                         std::string("SELECT ") + entryColumns +
                             " FROM audit_entry WHERE (?1 IS NULL OR client_code = ?1) AND "
                             "(?2 IS NULL OR actor = ?2) ORDER BY id");
    query.bind(1, filter.clientCode).bind(2, filter.actor);
    while (query.step())
        result.push_back(readEntry(query));
    if (!filter.clientCode) {
        sql::Statement pending(store.connection(), "SELECT id, at, actor, action FROM audit_pending "
                                                   "WHERE (?1 IS NULL OR actor = ?1) ORDER BY id");
        pending.bind(1, filter.actor);
        while (pending.step()) {
            AuditEntry e;
            e.id = pending.int64(0);
            e.at = pending.text(1);
            e.actor = pending.text(2);
            e.event.action = pending.text(3);
            e.pending = true;
            result.push_back(std::move(e));
        }
    }
    return result;
}

AuditCheck verifyAudit(Store& store)
{
    const SecretKey key = auditKey(store);
    auto& connection = store.connection();
    sql::ReadTransaction snapshot(connection);
    AuditCheck check;
    sql::Statement query(connection,
                         std::string("SELECT ") + entryColumns + ", mac FROM audit_entry ORDER BY id");
    std::string previousMac;
    Id expectedId = 1;
    while (query.step()) {
        const AuditEntry e = readEntry(query);
        ++check.entries;
        if (e.id != expectedId) {
            check.intact = false;
            check.firstBroken = expectedId;
            check.problem = "entry " + std::to_string(expectedId) + " is missing";
            return check;
        }
        const std::string mac = query.text(8);
        if (!sameSecret(mac, macOf(key, previousMac, e))) {
            check.intact = false;
            check.firstBroken = e.id;
            check.problem = "entry " + std::to_string(e.id) + " was changed, moved or inserted";
            return check;
        }
        previousMac = mac;
        ++expectedId;
    }
    sql::Statement tip(connection, "SELECT audit_tip FROM keyring WHERE id = 1");
    const auto storedTip = tip.step() ? tip.optText(0) : std::nullopt;
    const bool empty = previousMac.empty();
    if (empty ? storedTip.has_value()
              : !storedTip || !sameSecret(*storedTip, tipOf(key, expectedId - 1, previousMac))) {
        check.intact = false;
        check.firstBroken = expectedId;
        check.problem = "the entries after entry " + std::to_string(expectedId - 1) + " were removed";
        return check;
    }
    sql::Statement pending(connection, "SELECT count(*) FROM audit_pending");
    pending.step();
    check.pending = static_cast<std::size_t>(pending.int64(0));
    return check;
}

} // namespace alliance::security
